// Test harness: a fresh database per suite on each engine (SQLite in memory always; PostgreSQL
// when TEST_DATABASE_URL is set, in a database created for the suite and dropped after), the app
// in-process, and signed-in agents per role.
import { randomBytes } from 'node:crypto';
import knex from 'knex';
import pino from 'pino';
import request from 'supertest';
import type { Role } from '../../shared/enums.ts';
import { createApp } from '../app.ts';
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
  agent: (role: Role) => Promise<request.Agent>;
}

export async function createTestApp(
  engine: 'sqlite' | 'pg',
  /**
   * appRole (PostgreSQL): the app signs in as a fresh least-privilege role (server/db/appRole.ts)
   * while `t.db`, for fixtures, stays the owner; the role is dropped with the database.
   */
  opts: { payments?: number; config?: Partial<Config>; appRole?: boolean } = {},
): Promise<TestApp> {
  const tdb = await createTestDb(engine);
  const config = testConfig(opts.config);
  const clock = { now: new Date('2026-11-21T12:00:00Z') };
  await seedDemo(tdb.db, {
    payments: opts.payments ?? 400, anchor: ANCHOR, demoUsers: true, passwordCost: TEST_COST,
    dualApprovalMinor: config.PAYOUT_DUAL_APPROVAL_MINOR,
  });
  const appDb = opts.appRole && engine === 'pg' ? await appRoleDb(tdb) : tdb.db;
  const ctx: AppContext = {
    db: appDb, config, now: () => clock.now, log: pino({ level: 'silent' }), passwordCost: TEST_COST,
  };
  const app = createApp(ctx);
  const rows = await tdb.db('users').whereIn('email', ['admin@example.com', 'operator@example.com', 'support@example.com']);
  const users = Object.fromEntries(rows.map((u) => [u.role, { id: u.id, email: u.email }])) as TestApp['users'];
  const agents = new Map<Role, request.Agent>();
  return {
    ...tdb, ctx, app, clock, users,
    agent: async (role) => {
      if (!agents.has(role)) agents.set(role, await login(app, users[role].email));
      return agents.get(role)!;
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

export async function login(app: ReturnType<typeof createApp>, email: string, password = DEMO_PASSWORD) {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
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
