// POST /api/refunds: the rules of docs/money.md, the ledger and audit it writes, and that no
// amount of racing refunds more than was captured. SQLite always; PostgreSQL when configured.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../test/harness.ts';
import { expectMoneyInvariants } from '../../test/invariants.ts';
import { freshPayment } from '../../test/moneyFixtures.ts';
import { failRefund } from './service.ts';

describe.each(ENGINES)('refunds on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.drop());

  const refund = async (body: object, role: 'operator' | 'admin' | 'support' = 'operator', key: string = randomUUID()) =>
    (await t.agent(role)).post('/api/refunds').set('Idempotency-Key', key).send(body);
  const balanceOf = async (merchantId: string, currency: string) =>
    Number((await t.db('balances').where({ merchant_id: merchantId, currency }).first('available'))!.available);

  it('When an operator refunds part of a captured payment, then 201 with the refund, and payment, intent, ledger, balance and audit follow', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const before = await balanceOf(p.merchant_id, p.currency);
    const res = await refund({ payment_id: p.id, amount: 300, reason: 'requested_by_customer', note: 'Partial: one item returned' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      payment_id: p.id, intent_id: p.intent_id, merchant_id: p.merchant_id, amount: 300, currency: p.currency,
      reason: 'requested_by_customer', status: 'pending', note: 'Partial: one item returned', created_by: t.users.operator.id,
    });
    expect(res.body.id).toMatch(/^re_/);
    expect(Number((await t.db('payments').where('id', p.id).first())!.amount_refunded)).toBe(300);
    expect(Number((await t.db('intents').where('id', p.intent_id).first())!.amount_refunded)).toBe(300);
    const ledger = await t.db('transactions').where({ source_type: 'refund', source_id: res.body.id });
    expect(ledger.map((e) => [Number(e.amount), e.settlement_status])).toEqual([[-300, 'settled']]);
    expect(await balanceOf(p.merchant_id, p.currency)).toBe(before - 300);
    const audit = await t.db('audit').where({ action: 'refund.created', entity_id: res.body.id });
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(t.users.operator.id);
    // Read back as written, plus the merchant's name that every read carries (docs/api.md).
    const merchant = await t.db('merchants').where('id', res.body.merchant_id).first();
    expect((await (await t.agent('operator')).get(`/api/refunds/${res.body.id}`)).body).toEqual({ ...res.body, merchant_name: merchant!.name });
    // The request to the processor, written with the refund, carrying the user request's id.
    const asked = await t.db('outbox').where('object_id', res.body.id);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ kind: 'refund.create', status: 'pending', attempts: 0, request_id: res.headers['x-request-id'] });
    expect(JSON.parse(asked[0].payload)).toEqual({ refundId: res.body.id, chargeId: p.id, amount: 300, currency: p.currency, reason: 'requested_by_customer' });
  });

  it('When a refund is refused, then no request to the processor is written either', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const before = await t.db('outbox').count({ n: '*' }).first();
    expect((await refund({ payment_id: p.id, amount: p.amount + 1, reason: 'other' })).status).toBe(409);
    expect(await t.db('outbox').count({ n: '*' }).first()).toEqual(before);
  });

  it('When the processor fails a pending refund, then its amount is refundable again and the money comes back once', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const before = await balanceOf(p.merchant_id, p.currency);
    const res = await refund({ payment_id: p.id, reason: 'other' });
    expect(res.status).toBe(201);
    // Pending: nothing is refundable twice meanwhile.
    expect((await refund({ payment_id: p.id, amount: 1, reason: 'other' })).status).toBe(409);
    expect(await balanceOf(p.merchant_id, p.currency)).toBe(before - p.amount);

    const at = t.ctx.now().toISOString();
    expect(await t.db.transaction((trx) => failRefund(trx, res.body.id, 'card account closed', { id: null, at }))).toBe(true);
    expect(await t.db.transaction((trx) => failRefund(trx, res.body.id, 'again', { id: null, at }))).toBe(false);
    expect((await t.db('refunds').where('id', res.body.id).first())!.status).toBe('failed');
    expect(Number((await t.db('payments').where('id', p.id).first())!.amount_refunded)).toBe(0);
    expect(Number((await t.db('intents').where('id', p.intent_id).first())!.amount_refunded)).toBe(0);
    const ledger = await t.db('transactions').where({ source_type: 'refund', source_id: res.body.id }).orderBy('id');
    expect(ledger.map((e) => Number(e.amount))).toEqual([-p.amount, p.amount]);
    expect(await balanceOf(p.merchant_id, p.currency)).toBe(before);
    expect(await t.db('audit').where({ action: 'refund.failed', entity_id: res.body.id })).toHaveLength(1);
    await expectMoneyInvariants(t.db);

    expect((await refund({ payment_id: p.id, reason: 'other' })).status).toBe(201);
  });

  it('When the amount is omitted, then the rest is refunded, and the processing fee is not returned', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    await refund({ payment_id: p.id, amount: 100, reason: 'duplicate' });
    const feesBefore = await t.db('transactions').where({ source_id: p.id, source_type: 'fee' });
    const res = await refund({ payment_id: p.id, reason: 'duplicate' }, 'admin');
    expect(res.status).toBe(201);
    expect(res.body.amount).toBe(p.amount - 100);
    expect(Number((await t.db('payments').where('id', p.id).first())!.amount_refunded)).toBe(p.amount);
    expect(await t.db('transactions').where({ source_id: p.id, source_type: 'fee' })).toEqual(feesBefore);

    const again = await refund({ payment_id: p.id, reason: 'duplicate' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already fully refunded/);
  });

  it('When the amount exceeds what remains, then 409 naming what remains, and nothing moves', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    await refund({ payment_id: p.id, amount: p.amount - 50, reason: 'other' });
    const before = await balanceOf(p.merchant_id, p.currency);
    const res = await refund({ payment_id: p.id, amount: 51, reason: 'other' });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/exceeds what remains refundable/);
    expect(await balanceOf(p.merchant_id, p.currency)).toBe(before);
    expect(Number((await t.db('payments').where('id', p.id).first())!.amount_refunded)).toBe(p.amount - 50);
  });

  it.each([
    ['a fraction', { amount: 10.5 }],
    ['zero', { amount: 0 }],
    ['a negative amount', { amount: -5 }],
    ['an amount as a string', { amount: '100' }],
    ['an unknown reason', { reason: 'changed_mind' }],
    ['no reason', { reason: undefined }],
  ])('When the body has %s, then 400 and no refund', async (_name, patch) => {
    const p = await freshPayment(t.db);
    const res = await refund({ payment_id: p.id, amount: 100, reason: 'other', ...patch });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/Invalid request/);
    expect(await t.db('refunds').where('payment_id', p.id)).toHaveLength(0);
  });

  it('When the payment is not captured, then 409; when it does not exist, then 404', async () => {
    for (const status of ['failed', 'pending', 'uncaptured', 'cancelled', 'voided']) {
      const p = await t.db('payments').where('status', status).first('id');
      if (!p) continue;
      const res = await refund({ payment_id: p.id, amount: 1, reason: 'other' });
      expect(res.status, status).toBe(409);
      expect(res.body.message).toContain(`this payment is ${status}`);
    }
    const res = await refund({ payment_id: 'py_01JX0000000000000000000000', amount: 1, reason: 'other' });
    expect(res.status).toBe(404);
  });

  it('When support tries to refund, then 403; without an Idempotency-Key, then 400', async () => {
    const p = await freshPayment(t.db);
    expect((await refund({ payment_id: p.id, reason: 'other' }, 'support')).status).toBe(403);
    const res = await (await t.agent('operator')).post('/api/refunds').send({ payment_id: p.id, reason: 'other' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/Idempotency-Key/);
    expect(await t.db('refunds').where('payment_id', p.id)).toHaveLength(0);
  });

  it('When 20 partial refunds race, then exactly as many succeed as fit and the payment is never over-refunded', async () => {
    const p = await freshPayment(t.db, { minAmount: 700 });
    const part = Math.floor(p.amount / 7);
    const agent = await t.agent('operator');
    const results = await Promise.all(Array.from({ length: 20 }, () =>
      agent.post('/api/refunds').set('Idempotency-Key', randomUUID()).send({ payment_id: p.id, amount: part, reason: 'other' })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(7);
    expect(statuses.filter((s) => s === 409)).toHaveLength(13);
    const payment = await t.db('payments').where('id', p.id).first();
    expect(Number(payment!.amount_refunded)).toBe(7 * part);
    expect(Number(payment!.amount_refunded)).toBeLessThanOrEqual(p.amount);
    expect(await t.db('transactions').where({ source_type: 'refund' }).whereIn('source_id', t.db('refunds').where('payment_id', p.id).select('id'))).toHaveLength(7);
    await expectMoneyInvariants(t.db);
  });

  it('When 20 full refunds race, then exactly one succeeds', async () => {
    const p = await freshPayment(t.db);
    const agent = await t.agent('admin');
    const results = await Promise.all(Array.from({ length: 20 }, () =>
      agent.post('/api/refunds').set('Idempotency-Key', randomUUID()).send({ payment_id: p.id, reason: 'fraudulent' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(Number((await t.db('payments').where('id', p.id).first())!.amount_refunded)).toBe(p.amount);
    await expectMoneyInvariants(t.db);
  });

  it('When refunds exceed the available balance, then they still succeed and the balance goes negative', async () => {
    const p = await freshPayment(t.db, { minAmount: 500 });
    const b = await t.db('balances').where({ merchant_id: p.merchant_id, currency: p.currency }).first();
    // Drain the balance through the ledger so the refund is larger than what is available.
    const { post } = await import('../../ledger/ledger.ts');
    await t.db.transaction((trx) => post(trx, [{
      merchant_id: p.merchant_id, currency: p.currency, amount: -Number(b!.available), source_type: 'adjustment',
      source_id: p.merchant_id, settlement_status: 'settled', created_at: t.ctx.now().toISOString(),
    }]));
    const res = await refund({ payment_id: p.id, reason: 'requested_by_customer' });
    expect(res.status).toBe(201);
    expect(await balanceOf(p.merchant_id, p.currency)).toBe(-p.amount);
    await expectMoneyInvariants(t.db);
  });
});
