// payments.display_status always equals paymentDisplayStatus() (shared/paymentDisplayStatus.ts) of
// the row, on each engine, through every kind of write: the seed (which gives it), inserts that
// leave it out or give a wrong one, refunds in part and in full (through the API), a dispute
// opening and being won, status changes, a direct write to it, and the migration filling it from
// existing rows. And the payments list filters on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationSource } from '../../../migrations/index.ts';
import { newId } from '../../../shared/ids.ts';
import { paymentDisplayStatus } from '../../../shared/paymentDisplayStatus.ts';
import { createTestApp, ENGINES, type TestApp } from '../../test/harness.ts';
import { freshPayment, makeDispute } from '../../test/moneyFixtures.ts';

describe.each(ENGINES)('payments.display_status on %s', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 1200 });
  });
  afterAll(() => t.drop());

  /** Every payment whose display_status is not what the shared rule says. */
  async function wrong() {
    const rows = await t.db('payments').select('id', 'status', 'amount', 'amount_refunded', 'amount_charged_back', 'display_status');
    return rows
      .map((p) => ({
        id: p.id, stored: p.display_status,
        expected: paymentDisplayStatus({
          status: p.status, amount: Number(p.amount), amount_refunded: Number(p.amount_refunded), amount_charged_back: Number(p.amount_charged_back),
        }),
      }))
      .filter((p) => p.stored !== p.expected);
  }
  const statusOf = async (id: string) => (await t.db('payments').where({ id }).first('display_status'))!.display_status;

  it('matches the rule after the seed, which has every kind', async () => {
    expect(await wrong()).toEqual([]);
    const kinds = (await t.db('payments').distinct('display_status')).map((r) => r.display_status);
    expect(kinds).toEqual(expect.arrayContaining(['captured', 'refunded', 'partially_refunded', 'disputed', 'failed']));
  });

  it('follows refunds made through the API: partially refunded, then refunded', async () => {
    const payment = await freshPayment(t.db, { minAmount: 1000 });
    const operator = await t.agent('operator');
    const refund = (amount: number, key: string) =>
      operator.post('/api/refunds').set('Idempotency-Key', key).send({ payment_id: payment.id, amount, reason: 'requested_by_customer' });
    expect((await refund(100, `ds-${payment.id}-1`)).status).toBeLessThan(300);
    expect(await statusOf(payment.id)).toBe('partially_refunded');
    expect((await refund(payment.amount - 100, `ds-${payment.id}-2`)).status).toBeLessThan(300);
    expect(await statusOf(payment.id)).toBe('refunded');
    const list = await operator.get(`/api/payments?filter=${encodeURIComponent(JSON.stringify({ display_status: 'refunded', id: [payment.id] }))}`);
    expect(list.body.map((p: { id: string; display_status: string }) => [p.id, p.display_status])).toEqual([[payment.id, 'refunded']]);
  });

  it('turns disputed when a dispute opens, and back when the dispute is won', async () => {
    const id = await makeDispute(t);
    const { payment_id } = (await t.db('disputes').where({ id }).first('payment_id'))!;
    expect(await statusOf(payment_id)).toBe('disputed');
    const admin = await t.agent('admin');
    expect((await admin.post(`/api/disputes/${id}/resolve`).send({ outcome: 'won' })).status).toBeLessThan(300);
    expect(await statusOf(payment_id)).toBe('captured');
    const lost = await makeDispute(t, { status: 'lost' });
    expect(await statusOf((await t.db('disputes').where({ id: lost }).first('payment_id'))!.payment_id)).toBe('disputed');
    expect(await wrong()).toEqual([]);
  });

  it('is set on a payment inserted without it or with a wrong one, and follows status changes and direct writes', async () => {
    const { display_status: _given, ...base } = (await t.db('payments').where('status', 'failed').first())!;
    const id = newId('payment');
    await t.db('payments').insert({ ...base, id, status: 'pending', reference_id: 'DS-1' });
    expect(await statusOf(id)).toBe('pending');
    const other = newId('payment');
    await t.db('payments').insert({ ...base, id: other, reference_id: 'DS-2', display_status: 'refunded' });
    expect(await statusOf(other)).toBe('failed');
    await t.db('payments').where({ id }).update({ status: 'captured' });
    expect(await statusOf(id)).toBe('captured');
    await t.db('payments').where({ id }).update({ amount_refunded: base.amount });
    expect(await statusOf(id)).toBe('refunded');
    await t.db('payments').where({ id }).update({ amount_refunded: 0, settlement_status: 'settled' });
    expect(await statusOf(id)).toBe('captured');
    await t.db('payments').where({ id }).update({ display_status: 'disputed' });
    expect(await statusOf(id)).toBe('captured');
    expect(await wrong()).toEqual([]);
  });

  it('is filled from the existing payments by its migration', async () => {
    await t.db.migrate.down({ migrationSource, name: '20261130_71_payment_display_status' });
    expect(await t.db.schema.hasColumn('payments', 'display_status')).toBe(false);
    await t.db.migrate.latest({ migrationSource });
    expect(await wrong()).toEqual([]);
    // …and the triggers are back.
    const id = await makeDispute(t);
    const { payment_id } = (await t.db('disputes').where({ id }).first('payment_id'))!;
    expect(await statusOf(payment_id)).toBe('disputed');
    expect(await wrong()).toEqual([]);
  });

  it('filters the payments list, for every display status, and says which are allowed', async () => {
    const admin = await t.agent('admin');
    for (const status of ['refunded', 'partially_refunded', 'disputed']) {
      const res = await admin.get(`/api/payments?filter=${encodeURIComponent(JSON.stringify({ display_status: status }))}&range=[0,999]`);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(new Set(res.body.map((p: { display_status: string }) => p.display_status))).toEqual(new Set([status]));
      const [{ n }] = await t.db('payments').where('display_status', status).count({ n: '*' });
      expect(Number(res.headers['x-total-count'])).toBe(Number(n));
    }
    const bad = await admin.get(`/api/payments?filter=${encodeURIComponent(JSON.stringify({ display_status: 'chargeback' }))}`);
    expect(bad.status).toBe(400);
  });
});
