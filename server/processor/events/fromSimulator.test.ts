// End to end with the embedded simulator: the events it generates and signs — intents, payments
// authorized, captured, declined, voided and settled, disputes, payouts to approve — arrive over
// HTTP at POST /api/processor/events and all land: every delivery answered 2xx, every event
// applied, the back office's objects in the processor's states, and the money invariants held.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupFromDatabase, readBackOfficeWorld } from '../../../simulator/backOffice.ts';
import { startTestSimulator, type TestSimulator } from '../../../simulator/testing.ts';
import { deliverAll, testWorker } from '../../outbox/testing.ts';
import { createRng } from '../../seed/random.ts';
import { freshPayment, makePayout } from '../../test/moneyFixtures.ts';
import { newId } from '../../../shared/ids.ts';
import { createTestApp, ENGINES, type TestApp } from '../../test/harness.ts';
import { expectMoneyInvariants } from '../../test/invariants.ts';
import { WEBHOOK_SECRET } from '../../test/processorEvents.ts';

describe.each(ENGINES)('events from the simulator on %s', (engine) => {
  let t: TestApp;
  let sim: TestSimulator;
  let server: Server;
  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 30, config: { PROCESSOR_WEBHOOK_SECRET: WEBHOOK_SECRET } });
    // A seeded generator: the same payments, declines, captures and disputes every run. It finds
    // the back office's older objects (a seed payment refunded here) as the embedded one does.
    sim = await startTestSimulator({
      random: createRng(20261130),
      lookup: lookupFromDatabase(t.db),
      config: { PROCESSOR_WEBHOOK_SECRET: WEBHOOK_SECRET, SIMULATOR_DISPUTE_RATE: 0.3, SIMULATOR_DECLINE_RATE: 0.2, SIMULATOR_MANUAL_CAPTURE_RATE: 0.3 },
    });
    // The simulator signs with its clock, which the back office checks against its own.
    t.clock.now = new Date(sim.sim.ctx.now());
    server = t.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    sim.sim.eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/processor/events`;
    await sim.sim.import(await readBackOfficeWorld(t.db));
  });
  afterAll(async () => {
    await sim?.stop();
    await new Promise((resolve) => server?.close(resolve));
    await t?.drop();
  });

  it('generated payments, captures, settlements, disputes and payouts all land and apply', async () => {
    const merchant = await t.db('merchants').where('status', 'active').orderBy('id').first('id');
    const made = await sim.call('POST', '/_sim/generate', { payments: 12, merchant_id: merchant!.id, currency: 'USD' });
    expect(made.status).toBe(201);
    // Capture the manual ones, settle, open and decide disputes; then a payout from the settled money.
    for (let i = 0; i < 4; i++) {
      t.clock.now = new Date(sim.sim.ctx.now());
      await sim.call('POST', '/_sim/advance', { ms: 3 * 86_400_000 });
    }
    await sim.call('POST', '/_sim/generate', { payouts: 1, merchant_id: merchant!.id, currency: 'USD' });
    await sim.call('POST', '/_sim/run');

    const undelivered = (await sim.call('GET', '/_sim/events?delivered=false')).body.items;
    expect(undelivered).toEqual([]);
    const sent = (await sim.call('GET', '/_sim/events')).body.items as Array<{ id: string; type: string; last_status: number }>;
    expect(sent.length).toBeGreaterThan(12 * 2);
    expect(new Set(sent.map((e) => e.last_status))).toEqual(new Set([200]));
    const stored = await t.db('processor_events').whereIn('id', sent.map((e) => e.id)).select('id', 'status', 'error', 'type');
    expect(stored).toHaveLength(new Set(sent.map((e) => e.id)).size);
    expect(stored.filter((e) => e.status !== 'applied')).toEqual([]);
    expect([...new Set(stored.map((e) => e.type))]).toEqual(expect.arrayContaining(['payment_intent.created', 'payment.authorized', 'payment.captured', 'payment.settled', 'dispute.opened', 'payout.created']));

    // Each generated payment is here in the processor's state.
    for (const p of made.body.payments as Array<{ id: string }>) {
      const theirs = (await sim.call('GET', `/_sim/objects/payment/${p.id}`)).body;
      const ours = await t.db('payments').where('id', p.id).first();
      expect(ours, p.id).toMatchObject({
        status: theirs.status, settlement_status: theirs.settlement_status, fee_amount: expect.anything(), merchant_id: merchant!.id,
      });
      expect(Number(ours!.amount)).toBe(theirs.amount);
    }
    const simPayouts = (await sim.call('GET', '/_sim/events?type=payout.created')).body.items;
    for (const e of simPayouts) expect((await t.db('payouts').where('id', e.object_id).first())!.status).toBe('pending');
    await expectMoneyInvariants(t.db);
  });

  it('closes the loop: a refund goes pending → succeeded and a payout processing → paid, by the processor\u2019s events', async () => {
    const payment = await freshPayment(t.db, { minAmount: 1_000 });
    const payoutId = await makePayout(t, { status: 'pending', amount: 3_000 });
    const operator = await t.agent('operator');
    const admin = await t.agent('admin');
    const refund = await operator.post('/api/refunds').set('Idempotency-Key', newId('event')).send({ payment_id: payment.id, amount: 500, reason: 'other' });
    expect(refund.body.status).toBe('pending');
    expect((await admin.post(`/api/payouts/${payoutId}/approve`)).body.status).toBe('processing');
    await deliverAll(t.db, testWorker(t.db, { url: sim.url, apiKey: sim.apiKey }));
    t.clock.now = new Date(sim.sim.ctx.now());
    await sim.call('POST', '/_sim/advance', { ms: 86_400_000 });
    await sim.call('POST', '/_sim/run');
    const refundNow = await t.db('refunds').where('id', refund.body.id).first('status');
    const payoutNow = await t.db('payouts').where('id', payoutId).first('status');
    // The simulator decides (rarely) that one fails; either way the back office followed it.
    const refundEvent = (await sim.call('GET', `/_sim/events?object_id=${refund.body.id}`)).body.items[0];
    const payoutEvent = (await sim.call('GET', `/_sim/events?object_id=${payoutId}`)).body.items.at(-1);
    expect(refundNow!.status).toBe(refundEvent.type === 'refund.succeeded' ? 'succeeded' : 'failed');
    expect(payoutNow!.status).toBe(payoutEvent.type === 'payout.paid' ? 'paid' : 'failed');
    expect(await t.db('processor_events').whereIn('id', [refundEvent.id, payoutEvent.id]).pluck('status')).toEqual(['applied', 'applied']);
    await expectMoneyInvariants(t.db);
  });
});
