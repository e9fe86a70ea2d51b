// Two app instances on one PostgreSQL database, no sticky sessions: each has its own context and
// connection pool and listens on its own port, as two server processes behind a load balancer
// would. Whatever one instance does, the other sees at once — sessions, idempotency keys, payout
// and refund races, attachments, exact totals — because all of that state lives in the database,
// never in a process. (The one per-process cache, of capped totals, is server/list/countCache.ts.)
//
// The money routes (refunds, payout approval, dispute attachments) are asked for first; a test
// skips, saying so, if its route is missing from the server under test.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { AppContext } from '../context.ts';
import { connect } from '../db/connect.ts';
import { DEMO_PASSWORD } from '../seed/seedDemo.ts';
import { createTestApp, ENGINES, otpFields, type TestApp } from '../test/harness.ts';

interface Instance {
  base: string;
  close: () => Promise<void>;
}

interface Reply {
  status: number;
  // Parsed JSON of any shape, read field by field by the tests (as supertest's own `body` is typed).
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a test helper's response body
  headers: Headers;
}

async function listen(app: http.RequestListener): Promise<Instance> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function call(
  instance: Instance,
  method: string,
  path: string,
  opts: { cookie?: string; json?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | FormData | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) body = opts.form;
  const res = await fetch(`${instance.base}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a downloaded file)
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** For users this test creates: the password policy refuses the demo password for new accounts. */
const NEW_PASSWORD = 'Instance-Two-Sees-Everything-42';

async function login(instance: Instance, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${instance.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, ...(await otpFields(t, email)) }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** True when the server has this POST route at all (an unknown route is "No such API route"). */
/** The suite's app (its clock and database give an admin's sign-in its code). */
let t: TestApp;

describe.runIf(ENGINES.includes('pg'))('two instances on one PostgreSQL database', () => {
  let a: Instance;
  let b: Instance;
  let closeB: () => Promise<void>;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp('pg', { payments: 600 });
    const dbB = connect(t.url);
    const ctxB: AppContext = { ...t.ctx, db: dbB, log: pino({ level: 'silent' }) };
    a = await listen(t.app);
    b = await listen(createApp(ctxB));
    closeB = () => dbB.destroy();
    admin = await login(a, 'admin@example.com');
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await closeB?.();
    await t?.drop();
  });

  it('a session started on one instance works on the other', async () => {
    const cookie = await login(a, 'operator@example.com');
    const me = await call(b, 'GET', '/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('operator@example.com');
    expect((await call(b, 'GET', '/api/payments?range=[0,4]', { cookie })).status).toBe(200);
  });

  it('logging out on one instance ends the session on the other at once', async () => {
    const cookie = await login(a, 'support@example.com');
    expect((await call(b, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    expect((await call(a, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await call(b, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
    expect((await call(b, 'GET', '/api/payments', { cookie })).status).toBe(401);
  });

  it('disabling a user on one instance ends their sessions on the other at once', async () => {
    const created = await call(a, 'POST', '/api/users', {
      cookie: admin, json: { email: 'temp.operator@example.com', name: 'Temp Operator', role: 'operator', password: NEW_PASSWORD },
    });
    expect(created.status).toBe(201);
    const cookie = await login(b, 'temp.operator@example.com', NEW_PASSWORD);
    expect((await call(a, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    const disabled = await call(b, 'PUT', `/api/users/${created.body.id}`, { cookie: admin, json: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect((await call(a, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('a write on one instance shows in the other\u2019s lists and exact totals at once', async () => {
    const before = await call(b, 'GET', '/api/users?range=[0,99]', { cookie: admin });
    const total = Number(before.headers.get('x-total-count'));
    const created = await call(a, 'POST', '/api/users', {
      cookie: admin, json: { email: 'visible.everywhere@example.com', name: 'Visible', role: 'support', password: NEW_PASSWORD },
    });
    expect(created.status).toBe(201);
    const after = await call(b, 'GET', '/api/users?range=[0,99]', { cookie: admin });
    expect(Number(after.headers.get('x-total-count'))).toBe(total + 1);
    expect(after.headers.get('x-total-count-exact')).toBe('true');
    expect(after.body.map((u: { id: string }) => u.id)).toContain(created.body.id);
  });

  it('an Idempotency-Key sent to both instances at once has one effect and one answer', async () => {
    const payment = await t.db('payments').where({ status: 'captured', amount_refunded: 0 }).where('amount', '>', 1000).orderBy('id').first();
    const body = { payment_id: payment!.id, amount: 500, reason: 'requested_by_customer' };
    const headers = { 'Idempotency-Key': 'multi-instance-refund-1' };
    const replies = await Promise.all(
      [a, b, a, b, a, b].map((instance) => call(instance, 'POST', '/api/refunds', { cookie: admin, json: body, headers })),
    );
    for (const r of replies) expect([201, 409]).toContain(r.status);
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    const rows = await t.db('refunds').where('payment_id', payment!.id);
    expect(rows).toHaveLength(1);
    // Once settled, either instance replays the same answer; another body with the key is refused.
    const replay = await call(b, 'POST', '/api/refunds', { cookie: admin, json: body, headers });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(rows[0].id);
    const other = await call(a, 'POST', '/api/refunds', { cookie: admin, json: { ...body, amount: 600 }, headers });
    expect(other.status).toBe(422);
  });

  it('refunds racing on both instances never refund more than was captured', async () => {
    const payment = await t.db('payments').where({ status: 'captured', amount_refunded: 0 }).where('amount', '>', 1000)
      .orderBy('id', 'desc').first();
    const half = Math.ceil(payment!.amount / 2) + 1; // two of these cannot both fit
    const replies = await Promise.all(
      [a, b, a, b].map((instance, i) =>
        call(instance, 'POST', '/api/refunds', {
          cookie: admin, json: { payment_id: payment!.id, amount: half, reason: 'duplicate' }, headers: { 'Idempotency-Key': `race-${i}` },
        })),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 201)) expect([409, 422]).toContain(r.status);
    const refunded = await t.db('refunds').where({ payment_id: payment!.id, status: 'pending' }).sum({ s: 'amount' }).first();
    expect(Number(refunded?.s)).toBe(half);
    const after = await t.db('payments').where('id', payment!.id).first();
    expect(Number(after!.amount_refunded)).toBe(half);
  });

  it('a payout approved on both instances at once is debited exactly once', async () => {
    const payout = await t.db('payouts as p')
      .join('balances as bal', (j) => j.on('bal.merchant_id', 'p.merchant_id').andOn('bal.currency', 'p.currency'))
      .where('p.status', 'pending').where('p.amount', '<', t.ctx.config.PAYOUT_DUAL_APPROVAL_MINOR)
      .whereRaw('bal.available >= p.amount').orderBy('p.id').first('p.*', 'bal.available');
    expect(payout).toBeDefined();
    const replies = await Promise.all(
      [a, b, a, b, a, b].map((instance) => call(instance, 'POST', `/api/payouts/${payout.id}/approve`, { cookie: admin })),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 200)) expect(r.status).toBe(409);
    const debits = await t.db('transactions').where({ source_type: 'payout', source_id: payout.id });
    expect(debits).toHaveLength(1);
    expect(Number(debits[0].amount)).toBe(-Number(payout.amount));
    const balance = await t.db('balances').where({ merchant_id: payout.merchant_id, currency: payout.currency }).first();
    expect(Number(balance!.available)).toBe(Number(payout.available) - Number(payout.amount));
  });

  it('an attachment uploaded through one instance downloads through the other', async () => {
    const dispute = await t.db('disputes').where('status', 'needs_response').orderBy('id').first();
    expect(dispute).toBeDefined();
    // A minimal PNG: the signature and an IHDR chunk, enough for a content check by magic bytes.
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
      Buffer.from('instance-a'),
    ]);
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'receipt.png');
    const uploaded = await call(a, 'POST', `/api/disputes/${dispute!.id}/attachments`, { cookie: admin, form });
    expect(uploaded.status).toBe(201);
    const res = await fetch(`${b.base}/api/disputes/${dispute!.id}/attachments/${uploaded.body.id}`, { headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
  });
});
