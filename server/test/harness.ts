// Test harness: a fresh database per suite on each engine (SQLite in memory always; PostgreSQL
// when TEST_DATABASE_URL is set, in a database created for the suite and dropped after), the app
// in-process, and signed-in agents per role. On PostgreSQL the app runs as production runs it
// (docs/security.md, "The database"): the schema is migrated and seeded by its owner, and the
// app's connection (`t.ctx.db`, behind every request to `t.app`) signs in as a fresh
// least-privilege role made by the same code as `npm run db:app-role` (server/db/appRole.ts), so a
// query the app role may not run fails the suite. `t.db` stays the owner's connection, on purpose:
// it is the fixtures' and the assertions' side door (rows planted behind the app's back, triggers
// a test adds, ANALYZE, column changes), which needs the owner's rights. Admins sign in as a person would: password and a
// TOTP code (the demo admins' DEMO_TOTP_SECRET, computed with otpauth at the app's clock), and
// t.agent('admin') steps up again (POST /api/auth/step-up) once its last proof is 5 minutes old.
import { randomBytes } from 'node:crypto';
import knex from 'knex';
import pino from 'pino';
import request from 'supertest';
import type { Role } from '../../shared/enums.ts';
import { createApp } from '../app.ts';
import { STEP_UP_MS } from '../auth/mfa/stepUp.ts';
import { PERIOD_SECONDS, stepAt, totpCode } from '../auth/mfa/totp.ts';
import { testConfig, type Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { ensureAppRole } from '../db/appRole.ts';
import { connect, migrate, type Db } from '../db/connect.ts';
import { DEMO_PASSWORD, seedDemo } from '../seed/seedDemo.ts';

export const ENGINES: Array<'sqlite' | 'pg'> = process.env.TEST_DATABASE_URL ? ['sqlite', 'pg'] : ['sqlite'];
/** Cheap scrypt for test users; production hashes use OWASP_COST. */
export const TEST_COST = { N: 1024, r: 8, p: 1 };
export const ANCHOR = new Date('2026-11-21T00:00:00Z');

export interface TestDb {
  db: Db;
  url: string;
  drop: () => Promise<void>;
}

export async function createTestDb(engine: 'sqlite' | 'pg'): Promise<TestDb> {
  if (engine === 'sqlite') {
    const db = connect('sqlite::memory:');
    await migrate(db);
    return { db, url: 'sqlite::memory:', drop: () => db.destroy() };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `kbo_test_${randomBytes(6).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
  await admin.raw(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = connect(url.toString());
  await migrate(db);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

export interface TestApp extends TestDb {
  ctx: AppContext;
  app: ReturnType<typeof createApp>;
  /** Moves the app's clock. */
  clock: { now: Date };
  users: Record<Role, { id: string; email: string }>;
  /** Signed in as the role's demo user; an admin's agent freshly stepped up (the last 5 minutes). */
  agent: (role: Role) => Promise<request.Agent>;
}

/** What the harness needs of a running test app to sign in with a code: its database and clock. */
interface OtpSource {
  db: Db;
  clock: { now: Date };
}
const otpSources = new WeakMap<object, OtpSource>();
/** TOTP secrets of users a test enrolled itself (rememberTotpSecret), by email. */
const enrolledSecrets = new Map<string, string>();
/** When each agent last proved the second factor, on the app's clock. */
const verifiedAt = new WeakMap<request.Agent, number>();

export const DEMO_TOTP_SECRET = testConfig().DEMO_TOTP_SECRET;

/** A test that enrolled a user through the API: later sign-ins as that email use this secret. */
export function rememberTotpSecret(email: string, secret: string): void {
  enrolledSecrets.set(email, secret);
}

/**
 * A code for `email` that the server accepts now: for the oldest step it still accepts (the
 * previous, current or next one) that is later than the last step used. When all three are
 * used, the app's clock moves on to the next step — as a person would wait for the next code.
 */
export async function freshOtp(src: OtpSource, email: string): Promise<string> {
  const row = await src.db('users').where('email', email).first('totp_last_step');
  const last = row?.totp_last_step == null ? -Infinity : Number(row.totp_last_step);
  let current = stepAt(src.clock.now.getTime());
  if (last + 1 > current + 1) {
    src.clock.now = new Date((last + 1) * PERIOD_SECONDS * 1000);
    current = last + 1;
  }
  const step = Math.max(current - 1, last + 1);
  return totpCode(enrolledSecrets.get(email) ?? DEMO_TOTP_SECRET, step * PERIOD_SECONDS * 1000);
}

/** The sign-in body's second factor for `email`: `{otp}` when the user is enrolled, else nothing. */
export async function otpFields(src: OtpSource, email: string): Promise<{ otp?: string }> {
  const row = await src.db('users').where('email', email).first('totp_confirmed_at');
  return row?.totp_confirmed_at ? { otp: await freshOtp(src, email) } : {};
}

/** POST /api/auth/step-up with a fresh code: the agent's session may approve payouts and change users for 5 minutes. */
export async function stepUp(app: ReturnType<typeof createApp>, agent: request.Agent, email: string): Promise<void> {
  const src = otpSources.get(app);
  if (!src) throw new Error('stepUp: not an app made by createTestApp');
  const res = await agent.post('/api/auth/step-up').send({ otp: await freshOtp(src, email) });
  if (res.status !== 204) throw new Error(`step-up ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  verifiedAt.set(agent, src.clock.now.getTime());
}

export async function createTestApp(
  engine: 'sqlite' | 'pg',
  /**
   * appRole (PostgreSQL; default true): the app signs in as a fresh least-privilege role
   * (server/db/appRole.ts) while `t.db`, for fixtures, stays the owner; the role is dropped with
   * the database. `appRole: false` runs the app as the owner: only for a test about that.
   */
  opts: { payments?: number; config?: Partial<Config>; appRole?: boolean } = {},
): Promise<TestApp> {
  const tdb = await createTestDb(engine);
  const config = testConfig(opts.config);
  const clock = { now: new Date('2026-11-21T12:00:00Z') };
  await seedDemo(tdb.db, {
    payments: opts.payments ?? 400, anchor: ANCHOR, demoUsers: true, passwordCost: TEST_COST,
    dualApprovalMinor: config.PAYOUT_DUAL_APPROVAL_MINOR, demoTotp: { secret: config.DEMO_TOTP_SECRET, config },
  });
  const appDb = opts.appRole !== false && engine === 'pg' ? await appRoleDb(tdb) : tdb.db;
  const ctx: AppContext = {
    db: appDb, config, now: () => clock.now, log: pino({ level: 'silent' }), passwordCost: TEST_COST,
  };
  const app = createApp(ctx);
  otpSources.set(app, { db: tdb.db, clock });
  const rows = await tdb.db('users').whereIn('email', ['admin@example.com', 'operator@example.com', 'support@example.com']);
  const users = Object.fromEntries(rows.map((u) => [u.role, { id: u.id, email: u.email }])) as TestApp['users'];
  const agents = new Map<Role, request.Agent>();
  return {
    ...tdb, ctx, app, clock, users,
    agent: async (role) => {
      if (!agents.has(role)) agents.set(role, await login(app, users[role].email));
      const agent = agents.get(role)!;
      const proved = verifiedAt.get(agent);
      if (proved !== undefined && clock.now.getTime() - proved >= STEP_UP_MS - 10_000) await stepUp(app, agent, users[role].email);
      return agent;
    },
  };
}

/** A least-privilege role for `tdb`'s database, connected; dropping `tdb` then drops the role too. */
async function appRoleDb(tdb: TestDb): Promise<Db> {
  const role = `kbo_app_${randomBytes(6).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  await ensureAppRole(tdb.db, role, { password });
  const url = new URL(tdb.url);
  url.username = role;
  url.password = password;
  const db = connect(url.toString());
  const dropDb = tdb.drop;
  tdb.drop = async () => {
    await db.destroy();
    await dropDb();
    const admin = knex({ client: 'pg', connection: process.env.TEST_DATABASE_URL!, pool: { min: 0, max: 1 } });
    await admin.raw(`drop role if exists ${role}`);
    await admin.destroy();
  };
  return db;
}

/**
 * Signs in; a user enrolled in two-factor sign-in (the demo admins, or one a test enrolled) sends
 * a fresh code with the password, so the session starts freshly verified. An admin without a
 * second factor (one a test made) enrolls through the API at once, as the SPA would send them to
 * — unless `enrolAdmin: false`, to see what such an admin gets.
 */
export async function login(app: ReturnType<typeof createApp>, email: string, password = DEMO_PASSWORD, opts: { enrolAdmin?: boolean } = {}) {
  const agent = request.agent(app);
  const src = otpSources.get(app);
  const { otp } = src ? await otpFields(src, email) : {};
  const res = await agent.post('/api/auth/login').send({ email, password, ...(otp ? { otp } : {}) });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (src && otp) verifiedAt.set(agent, src.clock.now.getTime());
  if (src && res.body.mfa_enrolment_required && opts.enrolAdmin !== false) {
    const start = await agent.post('/api/auth/mfa/enrol');
    rememberTotpSecret(email, start.body.secret);
    const confirm = await agent.post('/api/auth/mfa/confirm').send({ otp: await freshOtp(src, email) });
    if (confirm.status !== 200) throw new Error(`enrolling ${email} failed: ${confirm.status} ${JSON.stringify(confirm.body)}`);
    verifiedAt.set(agent, src.clock.now.getTime());
  }
  return agent;
}

/** ra-data-simple-rest style list URL. */
export function listUrl(resource: string, params: { sort?: [string, string]; range?: [number, number]; filter?: object } = {}) {
  const q = new URLSearchParams();
  if (params.sort) q.set('sort', JSON.stringify(params.sort));
  if (params.range) q.set('range', JSON.stringify(params.range));
  if (params.filter) q.set('filter', JSON.stringify(params.filter));
  const s = q.toString();
  return `/api/${resource}${s ? `?${s}` : ''}`;
}
