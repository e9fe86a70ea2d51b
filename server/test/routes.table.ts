// THE route table of the security tests: one row per route of the API (and a few routes that
// must NOT exist), with who gets which status. The authorisation matrix runs every row as every
// caller; the fuzz test mutates the rows marked with `fuzz`; a coverage test fails when the app
// serves a route no row names. Adding a route = adding a row here.
//
// Rows run in table order and, within a row, callers in CALLERS order (admin last), so refusals
// are checked on untouched data and an admin's successful write comes after them. A write row's
// body should be valid for the callers allowed to make it and harmless to repeat.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/enums.ts';
import { newId } from '../../shared/ids.ts';
import { isoNow } from '../context.ts';
import { freshPayment, makeDispute, makePayout, PNG } from '../test/moneyFixtures.ts';
import type { TestApp } from '../test/harness.ts';

export type Caller = 'anonymous' | Role;
export const CALLERS: Caller[] = ['anonymous', 'operator', 'support', 'admin'];
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What path, body and header builders can refer to; built once per suite (buildFixture). */
export interface Fixture {
  /** The first row (by id) of each resource's table, keyed by resource name. */
  first: Record<string, { id: string } & Record<string, unknown>>;
  /** Demo users by email: the agents' own accounts and the spare ones (admin2@, support2@). */
  users: Record<string, { id: string; email: string; role: Role }>;
  /** Ids of the records FIXTURE_RECORDS makes for the rows below. */
  records: Record<keyof typeof FIXTURE_RECORDS, string>;
}

/**
 * Records made for the rows, in this order (a maker sees the ones made before it). Rows that
 * must be refused whatever the caller sends (fuzzed rows, repeated writes) aim at records in a
 * state that refuses the change: a declined payout, a closed dispute.
 */
export const FIXTURE_RECORDS = {
  refundablePayment: async (t: TestApp) => (await freshPayment(t.db, { minAmount: 1000 })).id,
  declinedPayout: (t: TestApp) => makePayout(t, { status: 'declined' }),
  openDispute: (t: TestApp) => makeDispute(t),
  closedDispute: (t: TestApp) => makeDispute(t, { status: 'won' }),
  decidedAdminGrant: async (t: TestApp) => {
    const id = newId('adminGrant');
    const at = isoNow(t.ctx);
    await t.db('admin_grants').insert({
      id, user_id: t.users.support.id, kind: 'promote', changes: JSON.stringify({ role: 'admin' }), status: 'rejected',
      requested_by: t.users.admin.id, requested_at: at, decided_by: t.users.admin.id, decided_at: at,
    });
    return id;
  },
  // A delivery that ran out of attempts: a decline, which an admin may always send again.
  failedDelivery: async (t: TestApp, made: Record<string, string>) => {
    const id = newId('outbox');
    const at = isoNow(t.ctx);
    await t.db('outbox').insert({
      id, kind: 'payout.decline', object_id: made.declinedPayout, payload: JSON.stringify({ transactionId: made.declinedPayout }),
      status: 'failed', attempts: 12, next_attempt_at: at, last_error: 'POST /v1/payouts/confirm answered 503 (gave up after 12 attempts)', created_at: at,
    });
    return id;
  },
  closedDisputeAttachment: async (t: TestApp, made: Record<string, string>) =>
    (await t.db('dispute_attachments').where('dispute_id', made.closedDispute).first('id'))!.id as string,
  // Saved queries of a spare admin: every caller sees the shared one and may not change it; the
  // private one does not exist for them.
  teamQuery: (t: TestApp) => makeSavedQuery(t, 'admin2@example.com', true),
  privateQuery: (t: TestApp) => makeSavedQuery(t, 'admin2@example.com', false),
} satisfies Record<string, (t: TestApp, made: Record<string, string>) => Promise<string>>;

async function makeSavedQuery(t: TestApp, email: string, shared: boolean): Promise<string> {
  const owner = await t.db('users').where('email', email).first('id');
  const id = `sq_${randomUUID().replaceAll('-', '').slice(0, 26).toUpperCase()}`;
  const at = new Date().toISOString();
  await t.db('saved_queries').insert({
    id, user_id: owner!.id, resource: 'payments', name: shared ? 'Team: captured' : 'Private: failed',
    params: JSON.stringify({ filter: { status: shared ? 'captured' : 'failed' } }), shared, created_at: at, updated_at: at,
  });
  return id;
}

export interface Upload {
  field: string;
  filename: string;
  content: Buffer;
}

export interface RouteCase {
  /** The route as the app declares it, e.g. "PUT /api/merchants/:id". Several rows may share one. */
  route: string;
  /** What this row checks, when the route alone does not say. */
  case?: string;
  path: (f: Fixture, who: Caller) => string;
  body?: (f: Fixture, who: Caller) => unknown;
  /** A multipart upload instead of a JSON body. */
  upload?: (f: Fixture, who: Caller) => Upload;
  /** Called for every request (so an Idempotency-Key can be fresh each time). */
  headers?: (f: Fixture, who: Caller) => Record<string, string>;
  expect: Record<Caller, number>;
  /** The call ends or replaces the session it runs with: give it a fresh one. */
  freshSession?: boolean;
  /**
   * How the fuzz test attacks the row: 'list' (sort/range/filter), 'id' (the last path segment),
   * 'body' (typed, raw and string mutations of `body`; strings: false skips replacing every
   * string field when any string would be accepted and the write would then succeed), 'upload'
   * (hostile files and filenames).
   */
  fuzz?: 'list' | 'id' | 'upload' | { body: true; strings?: boolean };
}

const method = (route: string) => route.split(' ')[0] as Method;
export const methodOf = (row: RouteCase): Method => method(row.route);

// Expectation shorthands.
const all = (status: number): Record<Caller, number> => ({ anonymous: status, operator: status, support: status, admin: status });
const signedIn = (status: number): Record<Caller, number> => ({ anonymous: 401, operator: status, support: status, admin: status });
const only = (roles: Role[], status: number, otherwise = 403): Record<Caller, number> => ({
  anonymous: 401,
  operator: roles.includes('operator') ? status : otherwise,
  support: roles.includes('support') ? status : otherwise,
  admin: roles.includes('admin') ? status : otherwise,
});
const EVERYONE: Role[] = ['operator', 'support', 'admin'];
const ADMINS: Role[] = ['admin'];
const REFUNDERS: Role[] = ['operator', 'admin'];
const DISPUTE_WORKERS: Role[] = ['support', 'admin'];
const idempotencyKey = () => ({ 'Idempotency-Key': randomUUID() });
const dispute = (f: Fixture, which: 'openDispute' | 'closedDispute', rest = '') => `/api/disputes/${f.records[which]}${rest}`;

/** list, getOne and a getOne of a missing id for a resource readable by `roles`. */
function readRows(resource: string, roles: Role[]): RouteCase[] {
  return [
    { route: `GET /api/${resource}`, path: () => `/api/${resource}`, expect: only(roles, 200), fuzz: 'list' },
    {
      route: `GET /api/${resource}/:id`,
      path: (f) => `/api/${resource}/${encodeURIComponent(f.first[resource].id)}`,
      expect: only(roles, 200),
      fuzz: 'id',
    },
    {
      route: `GET /api/${resource}/:id`,
      case: 'missing id',
      path: () => `/api/${resource}/nope_00000000000000000000000000`,
      expect: only(roles, 404),
    },
    // The whole filtered list (server/export): the list's read roles, its filters and sort.
    { route: `GET /api/${resource}/export`, path: () => `/api/${resource}/export?format=json`, expect: only(roles, 200) },
    { route: `GET /api/${resource}/export`, case: 'csv', path: () => `/api/${resource}/export?format=csv`, expect: only(roles, 200) },
    { route: `GET /api/${resource}/export`, case: 'paged', path: () => `/api/${resource}/export?range=[0,9]`, expect: only(roles, 400) },
  ];
}

const STRONG_PASSWORD = 'velvet-otter-canal-93';

export const ROUTES: RouteCase[] = [
  { route: 'GET /api/health', path: () => '/api/health', expect: all(200) },
  { route: 'GET /api/openapi.json', path: () => '/api/openapi.json', expect: all(200) },
  // Outside the session: a scraper on this machine (the tests' loopback), whoever signs in or not.
  { route: 'GET /metrics', path: () => '/metrics', expect: all(200) },

  // auth
  {
    route: 'POST /api/auth/login',
    case: 'wrong password',
    path: () => '/api/auth/login',
    body: (f) => ({ email: f.users['support2@example.com'].email, password: 'not-the-password-123' }),
    expect: all(401),
    fuzz: { body: true },
  },
  {
    route: 'POST /api/auth/login',
    case: 'enrolled admin without a code',
    path: () => '/api/auth/login',
    body: (f) => ({ email: f.users['admin2@example.com'].email, password: 'backoffice-demo' }),
    expect: all(401),
  },
  { route: 'GET /api/auth/me', path: () => '/api/auth/me', expect: signedIn(200) },
  // Two-factor set-up, for any role: the demo admins are enrolled already (409); the others start
  // one (a pending secret, nothing counts until confirmed), then confirm it with a code that is not one.
  { route: 'POST /api/auth/mfa/enrol', path: () => '/api/auth/mfa/enrol', expect: { anonymous: 401, operator: 200, support: 200, admin: 409 } },
  {
    route: 'POST /api/auth/mfa/confirm',
    case: 'not a code',
    path: () => '/api/auth/mfa/confirm',
    body: () => ({ otp: 'abcdef' }),
    expect: { anonymous: 401, operator: 400, support: 400, admin: 409 },
    fuzz: { body: true },
  },
  {
    route: 'POST /api/auth/step-up',
    case: 'not a code',
    path: () => '/api/auth/step-up',
    body: () => ({ otp: 'not-a-code' }),
    expect: { anonymous: 401, operator: 409, support: 409, admin: 400 },
  },
  { route: 'POST /api/auth/logout', path: () => '/api/auth/logout', expect: all(204), freshSession: true },
  {
    route: 'POST /api/auth/password',
    case: 'wrong current password',
    path: () => '/api/auth/password',
    body: () => ({ current_password: 'not-the-password-123', new_password: STRONG_PASSWORD }),
    expect: signedIn(400),
    freshSession: true,
    fuzz: { body: true },
  },

  // reads
  ...readRows('merchants', EVERYONE),
  ...readRows('plans', EVERYONE),
  ...readRows('intents', EVERYONE),
  ...readRows('payments', EVERYONE),
  ...readRows('refunds', EVERYONE),
  ...readRows('disputes', EVERYONE),
  ...readRows('payouts', EVERYONE),
  ...readRows('balances', EVERYONE),
  ...readRows('transactions', EVERYONE),
  ...readRows('users', ADMINS),
  ...readRows('admin_grants', ADMINS),
  ...readRows('audit', ADMINS),
  ...readRows('events', ADMINS),
  ...readRows('outbox', ADMINS),

  // app-bar search: every signed-in role (what each role finds: server/search/search.test.ts)
  { route: 'GET /api/search', path: (f) => `/api/search?q=${encodeURIComponent(f.first.payments.id)}`, expect: signedIn(200) },
  { route: 'GET /api/search', case: 'no query', path: () => '/api/search', expect: signedIn(400) },

  // charts, KPIs and the reconciliation report (docs/stats-api.md): every signed-in role
  { route: 'GET /api/stats/fees', path: () => '/api/stats/fees?interval=week', expect: signedIn(200) },
  { route: 'GET /api/stats/fees', case: 'bad range', path: () => '/api/stats/fees?from=2026-11-10&to=2026-11-01', expect: signedIn(400) },
  { route: 'GET /api/stats/plans', path: () => '/api/stats/plans', expect: signedIn(200) },
  { route: 'GET /api/stats/overview', path: () => '/api/stats/overview', expect: signedIn(200) },
  { route: 'GET /api/stats/plan-comparison', path: (f) => `/api/stats/plan-comparison?merchant_id=${f.first.merchants.id}`, expect: signedIn(200) },
  { route: 'GET /api/stats/plan-comparison', case: 'missing merchant', path: () => '/api/stats/plan-comparison?merchant_id=mer_00000000000000000000000000', expect: signedIn(404) },
  { route: 'GET /api/reports/reconciliation', path: () => '/api/reports/reconciliation?format=csv', expect: signedIn(200) },
  { route: 'GET /api/reports/reconciliation', case: 'xlsx', path: () => '/api/reports/reconciliation?format=xlsx', expect: signedIn(200) },
  { route: 'GET /api/reports/reconciliation/preview', path: () => '/api/reports/reconciliation/preview?from=2026-11-01&to=2026-11-21', expect: signedIn(200) },
  { route: 'GET /api/reports/reconciliation/preview', case: 'bad range', path: () => '/api/reports/reconciliation/preview?from=2026-11-21&to=2026-11-01', expect: signedIn(400) },
  { route: 'GET /api/reports/reconciliation', case: 'bad format', path: () => '/api/reports/reconciliation?format=pdf', expect: signedIn(400) },

  // writes
  {
    route: 'PUT /api/merchants/:id',
    case: 'status unchanged',
    path: (f) => `/api/merchants/${f.first.merchants.id}`,
    body: (f) => ({ status: f.first.merchants.status, plan_id: f.first.merchants.plan_id }),
    expect: only(ADMINS, 200),
    fuzz: { body: true },
  },
  {
    route: 'PUT /api/merchants/:id',
    case: 'missing merchant',
    path: () => '/api/merchants/mer_00000000000000000000000000',
    body: () => ({ status: 'active' }),
    expect: only(ADMINS, 404),
  },
  {
    route: 'POST /api/users',
    path: () => '/api/users',
    body: (_f, who) => ({ email: `matrix-${who}@example.com`, name: `Matrix ${who}`, role: 'support', password: STRONG_PASSWORD }),
    expect: only(ADMINS, 201),
    fuzz: { body: true },
  },
  {
    route: 'PUT /api/users/:id',
    path: (f) => `/api/users/${f.users['support2@example.com'].id}`,
    body: (_f, who) => ({ name: `Renamed by ${who}` }),
    expect: only(ADMINS, 200),
    fuzz: { body: true, strings: false },
  },

  // admin grants (docs/security.md, "Dual control"): aimed at a decided grant, so nothing changes
  { route: 'POST /api/admin_grants/:id/approve', case: 'already decided', path: (f) => `/api/admin_grants/${f.records.decidedAdminGrant}/approve`, expect: only(ADMINS, 409) },
  { route: 'POST /api/admin_grants/:id/reject', case: 'already decided', path: (f) => `/api/admin_grants/${f.records.decidedAdminGrant}/reject`, expect: only(ADMINS, 409) },

  // money actions (docs/api.md, "Actions")
  {
    route: 'POST /api/refunds',
    path: () => '/api/refunds',
    headers: idempotencyKey,
    body: (f, who) => ({ payment_id: f.records.refundablePayment, amount: 1, reason: 'requested_by_customer', note: `matrix ${who}` }),
    expect: only(REFUNDERS, 201),
    fuzz: { body: true },
  },
  {
    route: 'POST /api/refunds',
    case: 'no Idempotency-Key',
    path: () => '/api/refunds',
    body: (f) => ({ payment_id: f.records.refundablePayment, amount: 1, reason: 'duplicate' }),
    expect: only(REFUNDERS, 400),
  },
  {
    route: 'POST /api/payouts/:id/approve',
    case: 'already declined',
    path: (f) => `/api/payouts/${f.records.declinedPayout}/approve`,
    expect: only(ADMINS, 409),
  },
  {
    route: 'POST /api/payouts/:id/decline',
    case: 'already declined',
    path: (f) => `/api/payouts/${f.records.declinedPayout}/decline`,
    body: () => ({ reason: 'matrix' }),
    expect: only(ADMINS, 409),
    fuzz: { body: true },
  },
  {
    route: 'PUT /api/disputes/:id',
    path: (f) => dispute(f, 'openDispute'),
    body: (_f, who) => ({ response_text: `Reply drafted by ${who}` }),
    expect: only(DISPUTE_WORKERS, 200),
  },
  {
    route: 'PUT /api/disputes/:id',
    case: 'closed dispute',
    path: (f) => dispute(f, 'closedDispute'),
    body: (f) => ({ assignee_id: f.users['support@example.com'].id, response_text: 'too late' }),
    expect: only(DISPUTE_WORKERS, 409),
    fuzz: { body: true },
  },
  { route: 'POST /api/disputes/:id/submit', case: 'closed dispute', path: (f) => dispute(f, 'closedDispute', '/submit'), expect: only(DISPUTE_WORKERS, 409) },
  { route: 'POST /api/disputes/:id/accept', case: 'closed dispute', path: (f) => dispute(f, 'closedDispute', '/accept'), expect: only(DISPUTE_WORKERS, 409) },
  {
    route: 'POST /api/disputes/:id/resolve',
    case: 'closed dispute',
    path: (f) => dispute(f, 'closedDispute', '/resolve'),
    body: () => ({ outcome: 'lost' }),
    expect: only(ADMINS, 409),
    fuzz: { body: true },
  },
  { route: 'GET /api/disputes/assignees', path: () => '/api/disputes/assignees', expect: only(DISPUTE_WORKERS, 200) },
  { route: 'GET /api/saved-queries', path: () => '/api/saved-queries?resource=payments', expect: signedIn(200) },
  { route: 'GET /api/saved-queries', case: 'a list the caller cannot read', path: () => '/api/saved-queries?resource=users', expect: only(ADMINS, 200) },
  { route: 'GET /api/saved-queries', case: 'no list named', path: () => '/api/saved-queries', expect: signedIn(400) },
  {
    route: 'POST /api/saved-queries',
    path: () => '/api/saved-queries',
    body: (_f, who) => ({ resource: 'payments', name: `Captured, by ${who}`, params: { filter: { status: 'captured' } }, shared: false }),
    expect: signedIn(201),
    fuzz: { body: true, strings: false },
  },
  {
    route: 'PUT /api/saved-queries/:id', case: 'another user\'s shared query',
    path: (f) => `/api/saved-queries/${f.records.teamQuery}`, body: () => ({ name: 'Taken over' }), expect: signedIn(403),
  },
  {
    route: 'PUT /api/saved-queries/:id', case: 'another user\'s private query',
    path: (f) => `/api/saved-queries/${f.records.privateQuery}`, body: () => ({ shared: true }), expect: signedIn(404), fuzz: 'id',
  },
  { route: 'DELETE /api/saved-queries/:id', case: 'another user\'s shared query', path: (f) => `/api/saved-queries/${f.records.teamQuery}`, expect: signedIn(403) },
  { route: 'DELETE /api/saved-queries/:id', case: 'another user\'s private query', path: (f) => `/api/saved-queries/${f.records.privateQuery}`, expect: signedIn(404) },
  { route: 'GET /api/disputes/:id/notes', path: (f) => dispute(f, 'openDispute', '/notes'), expect: only(EVERYONE, 200) },
  {
    route: 'POST /api/disputes/:id/notes',
    path: (f) => dispute(f, 'closedDispute', '/notes'),
    body: (_f, who) => ({ body: `Note by ${who}` }),
    expect: only(DISPUTE_WORKERS, 201),
    fuzz: { body: true, strings: false },
  },
  { route: 'GET /api/disputes/:id/attachments', path: (f) => dispute(f, 'closedDispute', '/attachments'), expect: only(EVERYONE, 200) },
  {
    route: 'POST /api/disputes/:id/attachments',
    path: (f) => dispute(f, 'openDispute', '/attachments'),
    upload: (_f, who) => ({ field: 'file', filename: `evidence-${who}.png`, content: PNG }),
    expect: only(DISPUTE_WORKERS, 201),
  },
  {
    route: 'POST /api/disputes/:id/attachments',
    case: 'closed dispute',
    path: (f) => dispute(f, 'closedDispute', '/attachments'),
    upload: () => ({ field: 'file', filename: 'late.png', content: PNG }),
    expect: only(DISPUTE_WORKERS, 409),
    fuzz: 'upload',
  },
  {
    route: 'GET /api/disputes/:id/attachments/:attachmentId',
    path: (f) => dispute(f, 'closedDispute', `/attachments/${f.records.closedDisputeAttachment}`),
    expect: only(EVERYONE, 200),
    fuzz: 'id',
  },
  {
    route: 'DELETE /api/disputes/:id/attachments/:attachmentId',
    case: 'closed dispute',
    path: (f) => dispute(f, 'closedDispute', `/attachments/${f.records.closedDisputeAttachment}`),
    expect: only(DISPUTE_WORKERS, 409),
  },

  // routes that must not exist: nothing deletes, edits or creates audit rows, users or merchants
  // beyond the routes above.
  { route: 'POST /api/audit', case: 'must not exist', path: () => '/api/audit', body: () => ({ action: 'x', entity: 'x' }), expect: only(ADMINS, 404) },
  { route: 'PUT /api/audit/:id', case: 'must not exist', path: (f) => `/api/audit/${f.first.audit.id}`, body: () => ({ action: 'x' }), expect: only(ADMINS, 404) },
  { route: 'PATCH /api/audit/:id', case: 'must not exist', path: (f) => `/api/audit/${f.first.audit.id}`, body: () => ({ action: 'x' }), expect: only(ADMINS, 404) },
  { route: 'DELETE /api/audit/:id', case: 'must not exist', path: (f) => `/api/audit/${f.first.audit.id}`, expect: only(ADMINS, 404) },
  { route: 'DELETE /api/users/:id', case: 'must not exist', path: (f) => `/api/users/${f.users['support2@example.com'].id}`, expect: only(ADMINS, 404) },
  { route: 'POST /api/merchants', case: 'must not exist', path: () => '/api/merchants', body: () => ({ name: 'x' }), expect: only(EVERYONE, 404) },
  { route: 'DELETE /api/merchants/:id', case: 'must not exist', path: (f) => `/api/merchants/${f.first.merchants.id}`, expect: only(EVERYONE, 404) },
  // Server to server: no session counts, only a signature (server/processor/events/events.test.ts).
  { route: 'POST /api/processor/events', case: 'unsigned', path: () => '/api/processor/events', body: () => ({ id: 'evt_1', type: 'payment.captured', created_at: '2026-11-21T00:00:00.000Z', data: { id: 'py_1' } }), expect: all(401) },
  // The fixture's event is failed (an unknown type), and stays failed when retried.
  { route: 'POST /api/events/:id/retry', path: (f) => `/api/events/${f.first.events.id}/retry`, expect: only(ADMINS, 200) },
  { route: 'POST /api/events/:id/retry', case: 'missing id', path: () => '/api/events/evt_00000000000000000000000000/retry', expect: only(ADMINS, 404) },
  { route: 'DELETE /api/events/:id', case: 'must not exist', path: (f) => `/api/events/${f.first.events.id}`, expect: only(ADMINS, 404) },
  // The fixture's failed delivery goes back to pending; a second retry would be a 409.
  { route: 'POST /api/outbox/:id/retry', path: (f) => `/api/outbox/${f.records.failedDelivery}/retry`, expect: only(ADMINS, 200) },
  { route: 'POST /api/outbox/:id/retry', case: 'missing id', path: () => '/api/outbox/obx_00000000000000000000000000/retry', expect: only(ADMINS, 404) },
  { route: 'DELETE /api/outbox/:id', case: 'must not exist', path: (f) => `/api/outbox/${f.records.failedDelivery}`, expect: only(ADMINS, 404) },
  { route: 'GET /api/nope', case: 'unknown route', path: () => '/api/nope', expect: signedIn(404) },
];
