// Idempotency keys (docs/api.md, "Idempotency"): replay, a different body, a request while the first is
// running, scope per user and route, retention, and what happens to a key after a failure —
// through the real refund and payout routes, and through a bare app where the action is ours.
import { randomUUID } from 'node:crypto';
import express, { type Request } from 'express';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { errorHandler } from '../http/errorHandler.ts';
import { badRequest } from '../errors.ts';
import { createTestApp, createTestDb, ENGINES, login, type TestApp, type TestDb } from '../test/harness.ts';
import { expectMoneyInvariants } from '../test/invariants.ts';
import { freshPayment, fundedMerchant, makePayout } from '../test/moneyFixtures.ts';
import { action, requestHash, type ActionRun } from './action.ts';
import { ABANDONED_AFTER_MS, claimKey, RETENTION_MS } from './store.ts';

describe.each(ENGINES)('idempotency through the API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.drop());

  const refundsOf = (paymentId: string) => t.db('refunds').where('payment_id', paymentId);

  it('When a refund is retried with the same key and body, then the first response is replayed and nothing happens twice', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const agent = await t.agent('operator');
    const key = randomUUID();
    const body = { payment_id: p.id, amount: 250, reason: 'requested_by_customer' };
    const first = await agent.post('/api/refunds').set('Idempotency-Key', key).send(body);
    expect(first.status).toBe(201);
    // Same body, keys in another order: the same request.
    const again = await agent.post('/api/refunds').set('Idempotency-Key', key).send({ reason: body.reason, amount: 250, payment_id: p.id });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await refundsOf(p.id)).toHaveLength(1);
    expect(await t.db('transactions').where({ source_type: 'refund', source_id: first.body.id })).toHaveLength(1);
    expect(await t.db('audit').where({ action: 'refund.created', entity_id: first.body.id })).toHaveLength(1);
    expect(Number((await t.db('payments').where('id', p.id).first())!.amount_refunded)).toBe(250);
  });

  it('When the same key comes with a different body, then 422 and nothing happens', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const agent = await t.agent('operator');
    const key = randomUUID();
    await agent.post('/api/refunds').set('Idempotency-Key', key).send({ payment_id: p.id, amount: 100, reason: 'other' });
    const res = await agent.post('/api/refunds').set('Idempotency-Key', key).send({ payment_id: p.id, amount: 200, reason: 'other' });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/different request/);
    expect(await refundsOf(p.id)).toHaveLength(1);
  });

  it('When many identical requests with one key arrive at once, then exactly one refund is made and every success is the same', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const agent = await t.agent('operator');
    const key = randomUUID();
    const body = { payment_id: p.id, amount: 100, reason: 'duplicate' };
    const results = await Promise.all(Array.from({ length: 10 }, () => agent.post('/api/refunds').set('Idempotency-Key', key).send(body)));
    // Each either ran, replayed the run, or found it still running (409).
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const ok = results.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of ok) expect(r.body).toEqual(ok[0].body);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.message).toMatch(/still being processed/);
    expect(await refundsOf(p.id)).toHaveLength(1);
    await expectMoneyInvariants(t.db);
  });

  it('When a request comes while another with its key is still running, then 409 (or 422 for another body)', async () => {
    const p = await freshPayment(t.db);
    const agent = await t.agent('operator');
    const key = randomUUID();
    const body = { payment_id: p.id, reason: 'other' };
    // Another instance has claimed the key and is mid-request.
    await t.db('idempotency_keys').insert({
      user_id: t.users.operator.id, route: 'POST /api/refunds', key, request_hash: requestHash({ body } as Request),
      response_status: null, response_body: null, created_at: t.ctx.now().toISOString(),
    });
    const res = await agent.post('/api/refunds').set('Idempotency-Key', key).send(body);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/still being processed/);
    expect((await agent.post('/api/refunds').set('Idempotency-Key', key).send({ ...body, amount: 1 })).status).toBe(422);
    expect(await refundsOf(p.id)).toHaveLength(0);
  });

  it('When the running claim was abandoned by a crashed process, then a retry takes the key over', async () => {
    const p = await freshPayment(t.db);
    const agent = await t.agent('operator');
    const key = randomUUID();
    const body = { payment_id: p.id, reason: 'other' };
    await t.db('idempotency_keys').insert({
      user_id: t.users.operator.id, route: 'POST /api/refunds', key, request_hash: requestHash({ body } as Request),
      response_status: null, response_body: null, created_at: new Date(t.ctx.now().getTime() - ABANDONED_AFTER_MS - 1000).toISOString(),
    });
    const res = await agent.post('/api/refunds').set('Idempotency-Key', key).send(body);
    expect(res.status).toBe(201);
    expect(await refundsOf(p.id)).toHaveLength(1);
  });

  it('When two users or two routes use the same key, then they are different requests', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const key = randomUUID();
    const body = { payment_id: p.id, amount: 100, reason: 'other' };
    const a = await (await t.agent('operator')).post('/api/refunds').set('Idempotency-Key', key).send(body);
    const b = await (await t.agent('admin')).post('/api/refunds').set('Idempotency-Key', key).send(body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(await refundsOf(p.id)).toHaveLength(2);

    const [x, y] = [await makePayout(t), await makePayout(t)];
    const admin = await t.agent('admin');
    expect((await admin.post(`/api/payouts/${x}/approve`).set('Idempotency-Key', key)).body.status).toBe('processing');
    expect((await admin.post(`/api/payouts/${y}/approve`).set('Idempotency-Key', key)).body.status).toBe('processing');
  });

  it('When an action was refused (4xx), then the same key replays the refusal; a new key tries again', async () => {
    const merchantId = await fundedMerchant(t, 1_000);
    const id = await makePayout(t, { amount: 2_000, merchantId });
    const admin = await t.agent('admin');
    const key = randomUUID();
    const refused = await admin.post(`/api/payouts/${id}/approve`).set('Idempotency-Key', key);
    expect(refused.status).toBe(409);
    const { post } = await import('../ledger/ledger.ts');
    await t.db.transaction((trx) => post(trx, [{
      merchant_id: merchantId, currency: 'USD', amount: 5_000, source_type: 'adjustment', source_id: merchantId,
      settlement_status: 'settled', created_at: t.ctx.now().toISOString(),
    }]));
    const replay = await admin.post(`/api/payouts/${id}/approve`).set('Idempotency-Key', key);
    expect(replay.status).toBe(409);
    expect(replay.body).toEqual(refused.body);
    const fresh = await admin.post(`/api/payouts/${id}/approve`).set('Idempotency-Key', randomUUID());
    expect(fresh.status).toBe(200);
  });

  it('When a key is malformed, then 400; on actions other than refunds the key is optional', async () => {
    const agent = await t.agent('operator');
    const p = await freshPayment(t.db);
    for (const key of ['has space', 'x'.repeat(256), 'cl\u00e9']) {
      const res = await agent.post('/api/refunds').set('Idempotency-Key', key).send({ payment_id: p.id, reason: 'other' });
      expect(res.status, key).toBe(400);
    }
    expect((await (await t.agent('admin')).post(`/api/payouts/${await makePayout(t)}/approve`)).status).toBe(200);
  });

  it('When a second admin replays the first admin\u2019s key, then it is not a replay for them', async () => {
    const id = await makePayout(t);
    const key = randomUUID();
    const admin2 = await login(t.app, 'admin2@example.com');
    const a = await (await t.agent('admin')).post(`/api/payouts/${id}/decline`).set('Idempotency-Key', key).send({ reason: 'x' });
    const b = await admin2.post(`/api/payouts/${id}/decline`).set('Idempotency-Key', key).send({ reason: 'x' });
    expect(a.status).toBe(200);
    expect(b.status).toBe(409);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe.each(ENGINES)('idempotency keys on %s', (engine) => {
  let tdb: TestDb;
  let ctx: AppContext;
  const clock = { now: new Date('2026-11-21T12:00:00Z') };
  beforeAll(async () => {
    tdb = await createTestDb(engine);
    ctx = { db: tdb.db, config: testConfig(), now: () => clock.now, log: pino({ level: 'silent' }) };
  });
  afterAll(() => tdb.drop());

  /** A bare app with one action, as user `usr_test`. */
  function appWith(run: ActionRun) {
    const app = express();
    app.use(express.json());
    app.use((req, _res, next) => {
      req.user = { id: 'usr_test', email: 't@example.com', name: 'T', role: 'admin', mfaEnabled: true, verifiedAt: null, sessionId: 'test' };
      next();
    });
    app.post('/act', action(ctx, run));
    app.use(errorHandler(ctx.log));
    return app;
  }
  const row = (key: string) => tdb.db('idempotency_keys').where({ user_id: 'usr_test', key }).first();

  it('When the action crashes (5xx), then the key is given back and a retry runs', async () => {
    let fail = true;
    let runs = 0;
    const app = appWith(async () => {
      runs++;
      if (fail) throw new Error('database went away');
      return { status: 200, body: { runs } };
    });
    const key = randomUUID();
    const crashed = await request(app).post('/act').set('Idempotency-Key', key).send({ a: 1 });
    expect(crashed.status).toBe(500);
    expect(await row(key)).toBeUndefined();
    fail = false;
    const retried = await request(app).post('/act').set('Idempotency-Key', key).send({ a: 1 });
    expect(retried.body).toEqual({ runs: 2 });
    expect((await request(app).post('/act').set('Idempotency-Key', key).send({ a: 1 })).body).toEqual({ runs: 2 });
  });

  it('When the action writes and then is refused, then its writes roll back and the refusal is stored', async () => {
    const key = randomUUID();
    const app = appWith(async (trx) => {
      await trx('login_failures').insert({ key: `k:${key}`, count: 1, window_start: clock.now.toISOString() });
      throw badRequest('No, and here is why');
    });
    const res = await request(app).post('/act').set('Idempotency-Key', key).send({});
    expect(res.status).toBe(400);
    expect(await tdb.db('login_failures').where('key', `k:${key}`)).toHaveLength(0);
    expect(await row(key)).toMatchObject({ response_status: 400 });
    expect(JSON.parse((await row(key))!.response_body!)).toEqual({ message: 'No, and here is why' });
  });

  it('When keys are at most 24 hours old they replay; older ones are forgotten', async () => {
    const scope = { userId: 'usr_test', route: 'POST /x', key: randomUUID() };
    const t0 = new Date('2026-11-21T12:00:00Z');
    const claim = await claimKey(tdb.db, scope, 'h1', t0);
    expect(claim.kind).toBe('claimed');
    await tdb.db('idempotency_keys').where({ key: scope.key }).update({ response_status: 201, response_body: '{"id":1}' });
    const within = await claimKey(tdb.db, scope, 'h1', new Date(t0.getTime() + RETENTION_MS - 1000));
    expect(within).toEqual({ kind: 'replay', response: { status: 201, body: { id: 1 } } });
    const after = await claimKey(tdb.db, scope, 'h2', new Date(t0.getTime() + RETENTION_MS + 1000));
    expect(after.kind).toBe('claimed');
  });

  it('When old keys pile up, then a later action purges them', async () => {
    await tdb.db('idempotency_keys').insert({
      user_id: 'usr_old', route: 'POST /act', key: 'ancient', request_hash: 'h', response_status: 200, response_body: '{}',
      created_at: '2026-11-01T00:00:00.000Z',
    });
    clock.now = new Date(clock.now.getTime() + 3_600_000); // past the purge throttle
    const app = appWith(async () => ({ status: 200, body: {} }));
    await request(app).post('/act').set('Idempotency-Key', randomUUID()).send({});
    expect(await tdb.db('idempotency_keys').where('user_id', 'usr_old')).toHaveLength(0);
  });

  it.runIf(engine === 'pg')('When a second request arrives while the first is still running, then 409, and after it the replay', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let runs = 0;
    const app = appWith(async () => {
      runs++;
      started();
      await gate;
      return { status: 201, body: { runs } };
    });
    const key = randomUUID();
    const first = request(app).post('/act').set('Idempotency-Key', key).send({ a: 1 }).then((r) => r);
    await running;
    const second = await request(app).post('/act').set('Idempotency-Key', key).send({ a: 1 });
    expect(second.status).toBe(409);
    const other = await request(app).post('/act').set('Idempotency-Key', key).send({ a: 2 });
    expect(other.status).toBe(422);
    release();
    expect((await first).status).toBe(201);
    const third = await request(app).post('/act').set('Idempotency-Key', key).send({ a: 1 });
    expect([third.status, third.body]).toEqual([201, { runs: 1 }]);
    expect(runs).toBe(1);
  });
});
