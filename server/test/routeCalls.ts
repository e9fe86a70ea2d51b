// Shared by the security tests: the fixture the route table refers to, sending a row, a digest of
// the database (to prove a refused request changed nothing), the app's own list of routes, and
// cookie helpers.
import { createHash } from 'node:crypto';
import request from 'supertest';
import type { Db } from '../db/connect.ts';
import { resources } from '../resources/index.ts';
import type { TestApp } from '../test/harness.ts';
import { FIXTURE_RECORDS, methodOf, type Caller, type Fixture, type RouteCase } from './routes.table.ts';

type App = TestApp['app'];

export async function buildFixture(t: TestApp): Promise<Fixture> {
  await failedFixtureEvent(t);
  // The records first: some tables (admin_grants) are empty in the seed until a maker fills them.
  const records: Record<string, string> = {};
  for (const [name, make] of Object.entries(FIXTURE_RECORDS)) records[name] = await make(t, records);
  const first: Fixture['first'] = {};
  for (const { def } of resources) {
    first[def.name] = await t.db(def.table).orderBy('id').first();
    if (!first[def.name]) throw new Error(`fixture: table ${def.table} is empty; seed it before building the fixture`);
  }
  const rows = await t.db('users').select('id', 'email', 'role');
  return { first, users: Object.fromEntries(rows.map((u) => [u.email, u])), records: records as Fixture['records'] };
}

/** A processor event for the events rows: failed (an unknown type), so a retry leaves it failed. */
async function failedFixtureEvent(t: TestApp) {
  const payload = { id: 'evt_01FIXTURE0000000000000000AA', type: 'fixture.unknown', created_at: '2026-11-21T00:00:00.000Z', data: { id: 'fx_1' } };
  await t.db('processor_events').insert({
    id: payload.id, type: payload.type, object_id: payload.data.id, status: 'failed', error: 'Unknown event type "fixture.unknown"',
    payload: JSON.stringify(payload), received_at: payload.created_at, attempts: 1,
  }).onConflict('id').ignore();
}

/** Sends a row's request as `client` (an agent, or the app for an anonymous caller). */
export function send(client: request.Agent | App, row: RouteCase, f: Fixture, who: Caller, override?: { path?: string; body?: unknown }) {
  const agent = (typeof (client as request.Agent).jar === 'object' ? client : request(client as App)) as request.Agent;
  const path = override?.path ?? row.path(f, who);
  const m = methodOf(row).toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = agent[m](path);
  const headers = row.headers?.(f, who);
  if (headers) req = req.set(headers);
  const upload = override ? undefined : row.upload?.(f, who);
  if (upload) return req.attach(upload.field, upload.content, upload.filename);
  const body = override && 'body' in override ? override.body : row.body?.(f, who);
  return body === undefined ? req : req.send(body as object);
}

/**
 * Everything the app keeps, as one hash per table. Tables that legitimately record refused
 * attempts are left out or filtered: sessions (touched by reads), the login throttle, idempotency
 * keys (a refused keyed request is stored to be replayed), and audit rows of failed or throttled
 * sign-ins and password checks — and of reads that are audited by design (exports, evidence
 * downloads), which change no data.
 */
export const REFUSAL_AUDIT_ACTIONS = ['login.failed', 'login.throttled', 'password.change_failed', 'mfa.step_up_failed'];
const READ_AUDIT_ACTIONS = ['data.exported', 'dispute.evidence_downloaded'];
const SKIP_TABLES = new Set(['sessions', 'login_failures', 'idempotency_keys', 'knex_migrations', 'knex_migrations_lock']);

export async function tableNames(db: Db): Promise<string[]> {
  const rows: Array<{ name: string }> =
    db.engine === 'pg'
      ? (await db.raw(`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`)).rows
      : await db.raw(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`);
  return rows.map((r) => r.name).sort();
}

export async function dbDigest(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tableNames(db)) {
    if (SKIP_TABLES.has(table)) continue;
    let q = db(table).select('*');
    if (table === 'audit') q = q.whereNotIn('action', [...REFUSAL_AUDIT_ACTIONS, ...READ_AUDIT_ACTIONS]);
    const rows = (await q).map((r) => JSON.stringify(r)).sort();
    out[table] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

/**
 * Every route the app serves, as "METHOD /path" with its declared parameters, read from Express's
 * own router stack (so routes mounted anywhere, by anyone, are found).
 */
/** What is read of a layer of Express's router stack (Express does not export its type). */
interface RouterLayer {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: unknown };
}

export function appRoutes(app: App): string[] {
  const out = new Set<string>();
  const walk = (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      const raw = typeof layer.rawPath === 'string' ? layer.rawPath : '';
      if (layer.route) {
        const path = (prefix + (layer.route.path === '/' ? '' : layer.route.path)) || '/';
        for (const m of Object.keys(layer.route.methods)) if (m !== '_all') out.add(`${m.toUpperCase()} ${path}`);
      } else if (Array.isArray(layer.handle?.stack)) {
        walk(layer.handle.stack as RouterLayer[], prefix + (raw === '/' ? '' : raw));
      }
    }
  };
  // Express 5 keeps the app's router on `app.router`, which its types leave out.
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack, '');
  return [...out].sort();
}

/**
 * The session cookie a response sets — `kbo_session` on localhost over plain HTTP (supertest's
 * 127.0.0.1), `__Host-kbo_session` wherever it is Secure — with its name and attributes.
 */
export function sessionCookie(res: request.Response): { name: string; value: string; attributes: string[] } | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = header?.find((c) => /^(__Host-)?kbo_session=/.test(c));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  const name = pair.slice(0, pair.indexOf('='));
  return { name, value: decodeURIComponent(pair.slice(name.length + 1)), attributes };
}

/** A raw request carrying a given session token, outside any agent's cookie jar. */
export const withToken = (app: App, token: string) => ({
  get: (path: string) => request(app).get(path).set('Cookie', `kbo_session=${encodeURIComponent(token)}`),
  post: (path: string) => request(app).post(path).set('Cookie', `kbo_session=${encodeURIComponent(token)}`),
});

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
