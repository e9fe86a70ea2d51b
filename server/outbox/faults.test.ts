// With the processor failing half its calls (503 without executing) and losing some answers
// (executed, then the connection drops), every refund and payout approval still reaches it
// exactly once in effect, and nothing is left undelivered. SQLite always; PostgreSQL when configured.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupFromDatabase } from '../../simulator/backOffice.ts';
import { startTestSimulator, type TestSimulator } from '../../simulator/testing.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { expectMoneyInvariants } from '../test/invariants.ts';
import { freshPayment, makePayout } from '../test/moneyFixtures.ts';
import { deliverAll, newTally, testWorker } from './testing.ts';

describe.each(ENGINES)('an unreliable processor on %s', (engine) => {
  let t: TestApp;
  let sim: TestSimulator;
  beforeAll(async () => {
    t = await createTestApp(engine);
    sim = await startTestSimulator({ lookup: lookupFromDatabase(t.db) });
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.drop();
  });

  it('When half the calls fail and some answers are lost, then every refund and approval still executes exactly once', async () => {
    const operator = await t.agent('operator');
    const admin = await t.agent('admin');
    const refunds: string[] = [];
    for (let i = 0; i < 24; i++) {
      const p = await freshPayment(t.db, { minAmount: 200 });
      const res = await operator.post('/api/refunds').set('Idempotency-Key', randomUUID()).send({ payment_id: p.id, amount: 100, reason: 'other' });
      expect(res.status).toBe(201);
      refunds.push(res.body.id);
    }
    const payouts: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id = await makePayout(t, { amount: 2_000 + i });
      expect((await admin.post(`/api/payouts/${id}/approve`)).status).toBe(200);
      payouts.push(id);
    }
    expect((await sim.call('POST', '/_sim/faults', { error_rate: 0.5, timeout_rate: 0.15, timeout_ms: 50 })).status).toBe(200);

    const tally = newTally();
    await deliverAll(t.db, testWorker(t.db, sim, { OUTBOX_TIMEOUT_MS: 400, OUTBOX_LEASE_MS: 800, OUTBOX_MAX_ATTEMPTS: 100 }), { tally, withinMs: 60_000 });
    await sim.call('POST', '/_sim/faults', { error_rate: 0, timeout_rate: 0 });

    expect(tally.retry).toBeGreaterThan(5); // the faults really happened
    expect(tally.delivered).toBe(refunds.length + payouts.length);
    expect(await t.db('outbox').whereNot('status', 'delivered')).toEqual([]);
    const ops = (await sim.call('GET', '/_sim/operations?outcome=executed')).body.items as Array<{ object_id: string; kind: string; idempotency_key: string }>;
    const executed = (id: string) => ops.filter((o) => o.object_id === id);
    for (const id of refunds) {
      expect(executed(id).map((o) => o.kind), id).toEqual(['refund.create']);
      expect((await sim.call('GET', `/_sim/objects/refund/${id}`)).body.amount).toBe(100);
    }
    for (const id of payouts) expect(executed(id).map((o) => o.kind), id).toEqual(['payout.confirm']);
    const items = await t.db('outbox').whereIn('object_id', [...refunds, ...payouts]).select('id', 'object_id');
    for (const item of items) expect(executed(item.object_id)[0].idempotency_key).toBe(item.id);
    await expectMoneyInvariants(t.db);
  }, 90_000);
});
