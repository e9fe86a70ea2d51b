// Property (docs/processor.md, "Order does not matter"): whatever order a stream of processor
// events arrives in, and however many of its events arrive twice, the back office ends in the
// same state as when the stream arrives once, in order — same rows, same ledger, same balances —
// and every event ends applied. Two databases per engine: one gets the stream in order, the
// other shuffled with duplicates; the merchant's world is compared between them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../test/harness.ts';
import { moneyViolations } from '../../test/invariants.ts';
import { deliver, EventStream, WEBHOOK_SECRET, type TestEvent } from '../../test/processorEvents.ts';

const paymentPlan = fc.record({
  amount: fc.integer({ min: 1_000, max: 50_000 }),
  to: fc.constantFrom('failed', 'uncaptured', 'voided', 'captured', 'settled') as fc.Arbitrary<'failed' | 'uncaptured' | 'voided' | 'captured' | 'settled'>,
  refundPercent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  dispute: fc.option(fc.constantFrom('open', 'won', 'lost'), { nil: undefined }),
});
const streamPlan = fc.record({
  payments: fc.array(paymentPlan, { minLength: 1, maxLength: 5 }),
  renamed: fc.boolean(),
  payout: fc.boolean(),
});

/** A stream from a plan: refunds and disputes only on captured payments, never more than the payment together. */
type StreamPlan = typeof streamPlan extends fc.Arbitrary<infer P> ? P : never;

function build(planId: string, plan: StreamPlan): TestEvent[] {
  const s = new EventStream(planId);
  const m = s.merchant();
  for (const p of plan.payments) {
    const { payment } = s.payment(m.id, { amount: p.amount, to: p.to });
    if (p.to !== 'captured' && p.to !== 'settled') continue;
    const refunded = p.refundPercent ? Math.max(1, Math.floor((p.amount * p.refundPercent) / 100)) : 0;
    if (refunded) s.refund(payment, refunded);
    if (p.dispute && refunded < p.amount) s.dispute(payment, p.amount - refunded, p.dispute === 'open' ? undefined : p.dispute);
  }
  if (plan.renamed) s.merchantUpdated(m, { name: 'Renamed', status: 'suspended' });
  if (plan.payout) s.payout(m.id, 2_500);
  return s.events;
}

/**
 * The merchant's world, without what only says when it was written. (Not the audit trail: it is
 * the history of what happened, and a payment voided before its authorization arrived never
 * recorded an authorization.)
 */
async function world(t: TestApp, merchantId: string) {
  const rows = async (table: string, omit: string[] = ['updated_at']) =>
    (await t.db(table).where(table === 'merchants' ? 'id' : 'merchant_id', merchantId).orderBy('id').select())
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !omit.includes(k)).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v])));
  const ledger = (await t.db('transactions').where('merchant_id', merchantId).select('source_type', 'source_id', 'amount', 'settlement_status', 'settled_at', 'created_at'))
    .map((r) => `${r.source_type} ${r.source_id} ${Number(r.amount)} ${r.settlement_status} ${r.settled_at} ${r.created_at}`).sort();
  return {
    merchants: await rows('merchants', []), intents: await rows('intents'), payments: await rows('payments'), refunds: await rows('refunds'),
    disputes: await rows('disputes'), payouts: await rows('payouts'), balances: await rows('balances'), ledger,
  };
}

describe.each(ENGINES)('event order and duplicates on %s', (engine) => {
  let inOrder: TestApp;
  let shuffled: TestApp;
  let planId: string;
  beforeAll(async () => {
    const config = { PROCESSOR_WEBHOOK_SECRET: WEBHOOK_SECRET };
    inOrder = await createTestApp(engine, { payments: 10, config });
    shuffled = await createTestApp(engine, { payments: 10, config });
    planId = (await inOrder.db('plans').orderBy('id').first('id'))!.id;
    expect(await shuffled.db('plans').where('id', planId).first()).toBeDefined();
  });
  afterAll(async () => {
    await inOrder?.drop();
    await shuffled?.drop();
  });

  it('shuffled and duplicated delivery ends in the state of in-order delivery, with every event applied', async () => {
    await fc.assert(
      fc.asyncProperty(
        streamPlan.chain((plan) => {
          const events = build(planId, plan);
          return fc.record({
            events: fc.constant(events),
            order: fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            again: fc.array(fc.record({ pick: fc.nat(), at: fc.nat() }), { maxLength: 6 }),
          });
        }),
        async ({ events, order, again }) => {
          const delivery = [...order];
          for (const { pick, at } of again) delivery.splice(at % (delivery.length + 1), 0, events[pick % events.length]);
          for (const e of events) expect((await deliver(inOrder, e)).body.status, e.type).toBe('applied');
          for (const e of delivery) {
            const res = await deliver(shuffled, e);
            expect(res.status).toBe(200);
            expect(['applied', 'parked', 'duplicate']).toContain(res.body.status);
          }
          const statuses = await shuffled.db('processor_events').whereIn('id', events.map((e) => e.id)).select('status', 'error', 'type');
          expect(statuses.filter((s) => s.status !== 'applied')).toEqual([]);
          const merchantId = events[0].data.id;
          expect(await world(shuffled, merchantId)).toEqual(await world(inOrder, merchantId));
          expect(await moneyViolations(shuffled.db)).toEqual([]);
        },
      ),
      { numRuns: engine === 'pg' ? 8 : 20, endOnFailure: true },
    );
  });
});
