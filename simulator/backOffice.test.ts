// The simulator joining a back office with a history, on each engine: it learns the merchants,
// plans and in-flight objects, and finds the objects it never made when a request names them.
// (Lookups first: the import would make those objects known.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../shared/ids.ts';
import { createTestDb, ENGINES, type TestDb } from '../server/test/harness.ts';
import { seedDemo } from '../server/seed/seedDemo.ts';
import { lookupFromDatabase, readBackOfficeWorld } from './backOffice.ts';
import { startTestSimulator, type TestSimulator } from './testing.ts';

describe.each(ENGINES)('a simulator joining a back office (%s)', (engine) => {
  let bo: TestDb;
  let t: TestSimulator;
  beforeAll(async () => {
    bo = await createTestDb(engine);
    await seedDemo(bo.db, { payments: 600, anchor: new Date('2026-11-21T00:00:00Z'), demoUsers: true, passwordCost: { N: 1024, r: 8, p: 1 } });
    t = await startTestSimulator({ lookup: lookupFromDatabase(bo.db) });
  });
  afterAll(async () => {
    await t?.stop();
    await bo?.drop();
  });
  const key = () => `k-${newId('event')}`;

  it('When a refund names a payment of the history, then it is found, with its succeeded refunds already counted', async () => {
    const refunded = await bo.db('refunds').where('status', 'succeeded').whereRaw('amount < (select amount from payments p where p.id = refunds.payment_id)')
      .orderBy('id').first('payment_id', 'amount');
    const payment = await bo.db('payments').where('id', refunded!.payment_id).first('id', 'amount', 'currency');
    const remaining = Number(payment!.amount) - Number(refunded!.amount);
    const body = { refundId: newId('refund'), chargeId: payment!.id, amount: remaining + 1, currency: payment!.currency, reason: 'other' };
    const over = await t.call('POST', '/v1/refunds', body, { 'Idempotency-Key': key() });
    expect(over.status).toBe(422);
    expect(over.body.message).toContain(`(${remaining})`);
    const ok = await t.call('POST', '/v1/refunds', { ...body, amount: remaining }, { 'Idempotency-Key': key() });
    expect(ok.status).toBe(201);
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    const [event] = (await t.call('GET', `/_sim/events?object_id=${body.refundId}`)).body.items;
    expect(event.envelope.data).toMatchObject({ id: body.refundId, payment_id: payment!.id, merchant_id: expect.stringMatching(/^mer_/), intent_id: expect.stringMatching(/^pi_/) });
  });

  it('When a payout or a dispute of the history is decided, then it is found and its outcome event carries the whole object', async () => {
    const payout = await bo.db('payouts').where('status', 'pending').orderBy('id').first('id', 'amount', 'payout_number');
    const approve = await t.call('POST', '/v1/payouts/confirm', { action: 'APPROVE', transactionId: payout!.id }, { 'Idempotency-Key': key() });
    expect(approve.body.status).toBe('PROCESSING');
    const dispute = await bo.db('disputes').where('status', 'needs_response').orderBy('id').first('id', 'amount');
    const accept = await t.call('POST', `/v1/disputes/${dispute!.id}/accept`, {}, { 'Idempotency-Key': key() });
    expect(accept.body).toEqual({ id: dispute!.id, status: 'accepted' });
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    const [paid] = (await t.call('GET', `/_sim/events?object_id=${payout!.id}`)).body.items;
    expect(paid.envelope.data).toMatchObject({ id: payout!.id, amount: Number(payout!.amount), payout_number: Number(payout!.payout_number), merchant_id: expect.stringMatching(/^mer_/) });
    const declined = await bo.db('payouts').where('status', 'declined').first('id');
    const again = await t.call('POST', '/v1/payouts/confirm', { action: 'APPROVE', transactionId: declined!.id }, { 'Idempotency-Key': key() });
    expect(again.status).toBe(409);
  });
  it('When it imports the world, then it knows every merchant and plan and finishes what was left half-way', async () => {
    const world = await readBackOfficeWorld(bo.db);
    const counts = await t.sim.import({ ...world, finish: true });
    const merchants = Number((await bo.db('merchants').count({ n: '*' }).first())!.n);
    expect(counts).toMatchObject({ merchants, plans: 7 });
    const inFlight = Number((await bo.db('refunds').where('status', 'pending').count({ n: '*' }).first())!.n)
      + Number((await bo.db('payouts').whereIn('status', ['approved', 'processing']).count({ n: '*' }).first())!.n)
      + Number((await bo.db('disputes').where('status', 'under_review').count({ n: '*' }).first())!.n);
    expect(counts.finishing).toBe(inFlight);
    expect(inFlight).toBeGreaterThan(0);
    // Numbers are numbers whatever the engine answers bigints as.
    expect(typeof world.payouts![0].amount).toBe('number');
    // A second import changes nothing.
    expect(await t.sim.import({ ...world, finish: true })).toMatchObject({ merchants: 0, plans: 0, finishing: 0 });
  });
});
