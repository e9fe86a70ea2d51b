// POST /api/processor/events: the signature (good, wrong, stale, rotated pair, missing), what is
// an envelope, the body limit and the rate limit, duplicates, and each applier's rules — parked
// until the object arrives, stale events applied without effect, refunds, payouts and disputes
// finished with their money through the ledger, failed events retried — on both engines.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import { signatureHeader } from '../../../shared/processorSignature.ts';
import { createApp } from '../../app.ts';
import { createTestApp, ENGINES, type TestApp } from '../../test/harness.ts';
import { expectMoneyInvariants } from '../../test/invariants.ts';
import { makePayout } from '../../test/moneyFixtures.ts';
import { deliver, EVENTS_PATH, EventStream, realisticStream, WEBHOOK_SECRET } from '../../test/processorEvents.ts';
import { registry } from '../../metrics/metrics.ts';
import { sweepEvents } from './apply.ts';

const OLD_SECRET = 'old-webhook-secret-abcdefghijkl';

describe.each(ENGINES)('processor events on %s', (engine) => {
  let t: TestApp;
  let planId: string;
  const count = async () => Number((await t.db('processor_events').count({ n: '*' }).first())!.n);
  const event = async (id: string) => t.db('processor_events').where('id', id).first();
  const balance = async (merchantId: string) =>
    (await t.db('balances').where('id', `${merchantId}:USD`).first()) ?? { available: 0, pending: 0 };
  const ledger = async (sourceId: string) =>
    (await t.db('transactions').where('source_id', sourceId).orderBy('id').select('source_type', 'amount', 'settlement_status'))
      .map((r) => `${r.source_type} ${Number(r.amount)} ${r.settlement_status}`).sort();

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 40, config: { PROCESSOR_WEBHOOK_SECRET: `${WEBHOOK_SECRET},${OLD_SECRET}` } });
    planId = (await t.db('plans').orderBy('id').first('id'))!.id;
  });
  afterAll(() => t.drop());

  /** A stream with one new merchant, delivered, so later events have someone to belong to. */
  async function merchantDelivered() {
    const s = new EventStream(planId);
    const m = s.merchant();
    for (const e of s.events) expect((await deliver(t, e)).body.status).toBe('applied');
    return { s, m };
  }

  describe('signature', () => {
    it('a good signature is accepted with either secret of a rotation pair, and only those', async () => {
      const { s, m } = await merchantDelivered();
      const one = s.payment(m.id, { to: 'failed' });
      const [intent, failed] = s.events.slice(-2);
      expect((await deliver(t, intent, { secret: WEBHOOK_SECRET })).body).toEqual({ id: intent.id, status: 'applied' });
      expect((await deliver(t, failed, { secret: OLD_SECRET })).body).toEqual({ id: failed.id, status: 'applied' });
      expect((await t.db('payments').where('id', one.payment.id).first())!.status).toBe('failed');
      const before = await count();
      const third = s.merchant();
      const res = await deliver(t, s.events.at(-1)!, { secret: 'some-other-secret-0123456789' });
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/does not match/);
      expect(await count()).toBe(before);
      expect(await t.db('merchants').where('id', third.id).first()).toBeUndefined();
    });

    it('missing, malformed, wrong, stale or future signatures are a 401 JSON, and nothing is stored', async () => {
      const s = new EventStream(planId);
      const m = s.merchant();
      const e = s.events[0];
      const body = JSON.stringify(e);
      const before = await count();
      const now = t.clock.now;
      const cases: Array<[string | null, RegExp]> = [
        [null, /Missing Kaito-Signature/],
        ['garbage', /Malformed/],
        [`t=${Math.floor(now.getTime() / 1000)}`, /Malformed/],
        [signatureHeader(WEBHOOK_SECRET, body, new Date(now.getTime() - 5 * 60_000 - 2000)), /minutes/],
        [signatureHeader(WEBHOOK_SECRET, body, new Date(now.getTime() + 5 * 60_000 + 2000)), /minutes/],
        [signatureHeader(WEBHOOK_SECRET, `${body} `, now), /does not match/], // signed other bytes
        [signatureHeader(WEBHOOK_SECRET, body, now).replace(/v1=./, 'v1=0').replace(/v1=00/, 'v1=01'), /does not match/],
      ];
      for (const [header, message] of cases) {
        const res = await deliver(t, body, { header });
        expect(res.status, String(header)).toBe(401);
        expect(res.headers['content-type']).toMatch(/json/);
        expect(res.body.message).toMatch(message);
      }
      expect(await count()).toBe(before);
      expect(await t.db('merchants').where('id', m.id).first()).toBeUndefined();
      // Within the tolerance, either way, is fine.
      const early = await deliver(t, e, { at: new Date(now.getTime() - 4 * 60_000) });
      expect(early.body.status).toBe('applied');
    });

    it('needs no session and no same-origin headers: a cross-site looking, signed request passes', async () => {
      const s = new EventStream(planId);
      s.merchant();
      const body = JSON.stringify(s.events[0]);
      const res = await request(t.app).post(EVENTS_PATH).set('Content-Type', 'text/plain').set('Origin', 'https://elsewhere.example')
        .set('Sec-Fetch-Site', 'cross-site').set('Kaito-Signature', signatureHeader(WEBHOOK_SECRET, body, t.clock.now)).send(body);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('applied');
    });
  });

  describe('envelope, limits', () => {
    it('a signed body that is not an envelope is a 400 and is stored nowhere', async () => {
      const before = await count();
      for (const body of ['not json', '[]', '{"id":"evt_1"}', JSON.stringify({ id: 'evt_x', type: 'payment.captured', created_at: 'yesterday', data: { id: 'py_1' } }),
        JSON.stringify({ id: 'evt_y', type: 'BAD TYPE', created_at: new Date().toISOString(), data: { id: 'py_1' } }),
        JSON.stringify({ id: 'evt_z', type: 'payment.captured', created_at: new Date().toISOString(), data: {} })]) {
        const res = await deliver(t, body);
        expect(res.status, body).toBe(400);
        expect(res.body.message).toMatch(/not valid JSON|not an event envelope/);
      }
      expect(await count()).toBe(before);
    });

    it('a signed body nested deeper than any event needs is a 400, stored nowhere, and the events page still reads', async () => {
      const before = await count();
      const deep = '['.repeat(50_000) + ']'.repeat(50_000);
      for (const data of [`{"id":"py_deep","metadata":${deep}}`, `{"id":"py_deep2","x":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`]) {
        const body = `{"id":"${newId('event')}","type":"payment.captured","created_at":"${new Date().toISOString()}","data":${data}}`;
        const res = await deliver(t, body);
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/nests deeper than/);
      }
      expect(await count()).toBe(before);
      expect((await (await t.agent('admin')).get('/api/events')).status).toBe(200);
    });

    it('an unknown but well-formed type is stored and failed (200), for an admin to see', async () => {
      const id = newId('event');
      const res = await deliver(t, { id, type: 'charge.exploded', created_at: new Date().toISOString(), data: { id: 'ch_1' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id, status: 'failed' });
      expect(await event(id)).toMatchObject({ status: 'failed', type: 'charge.exploded', object_id: 'ch_1', error: expect.stringMatching(/Unknown event type/) });
    });

    it('takes up to 1 MiB and refuses more with a 413', async () => {
      const s = new EventStream(planId);
      const m = s.merchant();
      const pad = (size: number) => JSON.stringify({ ...s.events[0], padding: 'x'.repeat(size) });
      const fits = pad(1024 * 1024 - JSON.stringify(s.events[0]).length - 20);
      expect((await deliver(t, fits)).body.status).toBe('applied');
      expect(await t.db('merchants').where('id', m.id).first()).toBeDefined();
      const res = await deliver(t, pad(1024 * 1024));
      expect(res.status).toBe(413);
    });

    it('has its own rate limit per source address: 429 with Retry-After above it', async () => {
      const app = createApp({ ...t.ctx, config: { ...t.ctx.config, PROCESSOR_EVENTS_PER_SECOND: 2 } });
      const statuses = [];
      for (let i = 0; i < 8; i++) {
        const res = await request(app).post(EVENTS_PATH).set('Content-Type', 'application/json').send('{}');
        statuses.push(res.status);
        if (res.status === 429) expect(res.headers['retry-after']).toBe('1');
      }
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(4);
      expect(statuses).toContain(429);
    });
  });

  describe('applying', () => {
    it('a realistic stream in order applies every event, with the money in the ledger and the audit naming the processor', async () => {
      const s = realisticStream(planId);
      for (const e of s.events) {
        const res = await deliver(t, e);
        expect(res.body, e.type).toEqual({ id: e.id, status: 'applied' });
      }
      const merchant = s.events[0].data;
      expect((await t.db('merchants').where('id', merchant.id).first())!.name).toBe('Renamed shop');
      const payments = await t.db('payments').where('merchant_id', merchant.id).orderBy('amount').select('amount', 'status', 'display_status', 'settlement_status', 'amount_refunded', 'amount_charged_back');
      expect(payments.map((p) => [Number(p.amount), p.status, p.display_status, p.settlement_status, Number(p.amount_refunded), Number(p.amount_charged_back)])).toEqual([
        [4000, 'captured', 'disputed', 'settled', 1000, 3000],
        [5000, 'failed', 'failed', 'unsettled', 0, 0],
        [7000, 'voided', 'voided', 'unsettled', 0, 0],
        [8000, 'uncaptured', 'uncaptured', 'unsettled', 0, 0],
        [9000, 'captured', 'captured', 'unsettled', 0, 0],
        [12000, 'captured', 'partially_refunded', 'settled', 2000, 0],
      ]);
      // Captured: +amount −fee each; settled ones are available; refunds and the lost dispute are debited, the won one credited back.
      const b = await balance(merchant.id);
      expect(Number(b.available)).toBe((12_000 - 320) + (4_000 - 320) - 2_000 - 3_000 - 1_000);
      expect(Number(b.pending)).toBe(9_000 - 320);
      expect(await t.db('payouts').where('merchant_id', merchant.id).first()).toMatchObject({ status: 'pending', amount: expect.anything() });
      const audit = await t.db('audit').whereIn('entity_id', [merchant.id, ...(await t.db('payments').where('merchant_id', merchant.id).pluck('id'))]).select('actor_id', 'action');
      expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set(['processor']));
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['merchant.created', 'merchant.updated', 'payment.captured', 'payment.settled', 'payment.failed', 'payment.voided']));
      await expectMoneyInvariants(t.db);
    });

    it('the same event twice is a 200 "duplicate" with no second effect', async () => {
      const { s, m } = await merchantDelivered();
      const { payment } = s.payment(m.id, { to: 'captured', amount: 6_000 });
      for (const e of s.events.slice(1)) await deliver(t, e);
      const before = { ledger: await ledger(payment.id), balance: await balance(m.id), audit: await t.db('audit').count({ n: '*' }).first() };
      for (const e of s.events) {
        const res = await deliver(t, e);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ id: e.id, status: 'duplicate' });
      }
      expect({ ledger: await ledger(payment.id), balance: await balance(m.id), audit: await t.db('audit').count({ n: '*' }).first() }).toEqual(before);
      expect((await event(s.events[1].id))!.attempts).toBe(1);
    });

    it('an event whose object is missing is parked with waiting_for, and applied when the object arrives', async () => {
      const { s, m } = await merchantDelivered();
      const { intent, payment } = s.payment(m.id, { to: 'settled', amount: 3_000 });
      const refund = s.refund(payment, 500);
      const [intentEvent, authorized, captured, settled, refunded] = s.events.slice(1);
      expect((await deliver(t, refunded)).body.status).toBe('parked');
      expect((await deliver(t, settled)).body.status).toBe('parked');
      expect((await deliver(t, captured)).body.status).toBe('parked');
      expect(await event(settled.id)).toMatchObject({ status: 'parked', waiting_for: intent.id, applied_at: null });
      expect(await event(refunded.id)).toMatchObject({ status: 'parked', waiting_for: payment.id });
      // The intent arrives: the payment events apply (captured and settled in one go), then the refund.
      expect((await deliver(t, intentEvent)).body.status).toBe('applied');
      for (const e of [captured, settled, refunded]) expect((await event(e.id))!.status, e.type).toBe('applied');
      expect(await t.db('payments').where('id', payment.id).first()).toMatchObject({ status: 'captured', settlement_status: 'settled' });
      expect(await t.db('refunds').where('id', refund.id).first()).toMatchObject({ status: 'succeeded', created_by: null });
      // The late authorization is stale: applied, without effect.
      const ledgerBefore = await ledger(payment.id);
      expect((await deliver(t, authorized)).body.status).toBe('applied');
      expect((await t.db('payments').where('id', payment.id).first())!.status).toBe('captured');
      expect(await ledger(payment.id)).toEqual(ledgerBefore);
      expect(ledgerBefore).toEqual(['fee -320 settled', 'payment 3000 settled']);
      await expectMoneyInvariants(t.db);
    });

    it('the sweep applies parked events whose object arrived some other way, and leftovers still "received"', async () => {
      const { s, m } = await merchantDelivered();
      s.payment(m.id, { to: 'uncaptured' });
      const [intentEvent, authorized] = s.events.slice(1);
      expect((await deliver(t, authorized)).body.status).toBe('parked');
      // The intent is stored by an event that was never applied (a crash after storing it).
      await t.db('processor_events').insert({ id: intentEvent.id, type: intentEvent.type, object_id: intentEvent.data.id, status: 'received', payload: JSON.stringify(intentEvent), received_at: new Date(t.clock.now.getTime() - 120_000).toISOString(), attempts: 0 });
      expect(await sweepEvents(t.ctx)).toBeGreaterThanOrEqual(2);
      expect((await event(intentEvent.id))!.status).toBe('applied');
      expect((await event(authorized.id))!.status).toBe('applied');
    });

    it('an event that cannot apply is failed with its error, changes nothing, and applies when retried after the cause is fixed', async () => {
      const s = new EventStream('plan_00000000000000000000000000');
      const m = s.merchant();
      const res = await deliver(t, s.events[0]);
      expect(res.body.status).toBe('failed');
      expect(await event(s.events[0].id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/Unknown plan/), attempts: 1 });
      expect(await t.db('merchants').where('id', m.id).first()).toBeUndefined();
      await t.db('plans').insert({ ...(await t.db('plans').where('id', planId).first()), id: 'plan_00000000000000000000000000' });
      const admin = await t.agent('admin');
      const retried = await admin.post(`/api/events/${s.events[0].id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ id: s.events[0].id, status: 'applied', error: null, attempts: 2 });
      expect(await t.db('merchants').where('id', m.id).first()).toBeDefined();
      expect((await admin.post(`/api/events/${s.events[0].id}/retry`)).status).toBe(409);
    });

    it('counts events received, and applied, parked, failed or duplicate, in /metrics', async () => {
      const value = async (name: string, labels: Record<string, string>) => {
        const metric = (await registry.getSingleMetric(name)!.get()).values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
        return metric?.value ?? 0;
      };
      const before = {
        received: await value('kbo_processor_events_received_total', { type: 'payment.captured' }),
        parked: await value('kbo_processor_events_total', { type: 'payment.captured', status: 'parked' }),
        applied: await value('kbo_processor_events_total', { type: 'payment.captured', status: 'applied' }),
        duplicate: await value('kbo_processor_events_total', { type: 'payment.captured', status: 'duplicate' }),
        failed: await value('kbo_processor_events_total', { type: 'charge.exploded', status: 'failed' }),
      };
      const { s, m } = await merchantDelivered();
      s.payment(m.id, { to: 'captured' });
      const [intent, authorized, captured] = s.events.slice(1);
      await deliver(t, captured); // parked
      await deliver(t, captured); // duplicate (tried again, parked again)
      await deliver(t, intent);
      await deliver(t, authorized);
      await deliver(t, { id: newId('event'), type: 'charge.exploded', created_at: new Date().toISOString(), data: { id: 'ch_2' } });
      expect(await value('kbo_processor_events_received_total', { type: 'payment.captured' })).toBe(before.received + 2);
      expect(await value('kbo_processor_events_total', { type: 'payment.captured', status: 'parked' })).toBe(before.parked + 2);
      expect(await value('kbo_processor_events_total', { type: 'payment.captured', status: 'applied' })).toBe(before.applied + 1);
      expect(await value('kbo_processor_events_total', { type: 'payment.captured', status: 'duplicate' })).toBe(before.duplicate + 1);
      expect(await value('kbo_processor_events_total', { type: 'charge.exploded', status: 'failed' })).toBe(before.failed + 1);
    });

    it('concurrent deliveries of the same event apply it once', async () => {
      const { s, m } = await merchantDelivered();
      const { payment } = s.payment(m.id, { to: 'captured', amount: 4_400 });
      for (const e of s.events.slice(1, -1)) await deliver(t, e);
      const captured = s.events.at(-1)!;
      const answers = await Promise.all(Array.from({ length: 6 }, () => deliver(t, captured)));
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
      expect(answers.filter((a) => a.body.status === 'applied')).toHaveLength(1);
      expect(answers.filter((a) => a.body.status === 'duplicate')).toHaveLength(5);
      expect(await ledger(payment.id)).toEqual(['fee -320 unsettled', 'payment 4400 unsettled']);
      await expectMoneyInvariants(t.db);
    });
  });

  describe('finishing what the back office started', () => {
    /** A refund made in the back office, left pending (as it is until the processor answers). */
    async function pendingRefund(amount: number) {
      const { s, m } = await merchantDelivered();
      const { payment } = s.payment(m.id, { to: 'settled', amount: 10_000 });
      for (const e of s.events.slice(1)) await deliver(t, e);
      const operator = await t.agent('operator');
      const res = await operator.post('/api/refunds').set('Idempotency-Key', newId('event')).send({ payment_id: payment.id, amount, reason: 'duplicate' });
      expect(res.status).toBe(201);
      await t.db('refunds').where('id', res.body.id).update({ status: 'pending' });
      return { s, m, payment, refund: await t.db('refunds').where('id', res.body.id).first() };
    }

    it('refund.succeeded finishes a pending refund and moves no more money', async () => {
      const { s, m, payment, refund } = await pendingRefund(2_500);
      const before = await balance(m.id);
      const r = s.refund(payment, 2_500, 'succeeded', refund!.id);
      expect((await deliver(t, s.events.at(-1)!)).body.status).toBe('applied');
      expect((await t.db('refunds').where('id', r.id).first())!.status).toBe('succeeded');
      expect(await balance(m.id)).toEqual(before);
      expect(Number((await t.db('payments').where('id', payment.id).first())!.amount_refunded)).toBe(2_500);
      // A late refund.failed for it is stale.
      s.refund(payment, 2_500, 'failed', refund!.id);
      expect((await deliver(t, s.events.at(-1)!)).body.status).toBe('applied');
      expect((await t.db('refunds').where('id', r.id).first())!.status).toBe('succeeded');
      expect(await balance(m.id)).toEqual(before);
      expect((await t.db('audit').where({ entity_id: r.id, action: 'refund.succeeded' }).first())!.actor_id).toBe('processor');
      await expectMoneyInvariants(t.db);
    });

    it('refund.failed gives the money back: the payment is refundable again and the ledger credited', async () => {
      const { s, m, payment, refund } = await pendingRefund(10_000);
      const before = await balance(m.id);
      s.refund(payment, 10_000, 'failed', refund!.id);
      expect((await deliver(t, s.events.at(-1)!)).body.status).toBe('applied');
      expect((await t.db('refunds').where('id', refund!.id).first())!.status).toBe('failed');
      expect(await t.db('payments').where('id', payment.id).first()).toMatchObject({ display_status: 'captured' });
      expect(Number((await t.db('payments').where('id', payment.id).first())!.amount_refunded)).toBe(0);
      expect(Number((await t.db('intents').where('id', String(payment.intent_id)).first())!.amount_refunded)).toBe(0);
      expect(Number((await balance(m.id)).available)).toBe(Number(before.available) + 10_000);
      expect(await ledger(refund!.id)).toEqual(['refund -10000 settled', 'refund 10000 settled']);
      await expectMoneyInvariants(t.db);
    });

    it('payout.paid finishes an approved payout; payout.failed credits its debit back; a second outcome is stale', async () => {
      const s = new EventStream(planId);
      const paid = await t.db('payouts').where('id', await makePayout(t, { status: 'processing', amount: 7_000 })).first();
      const failed = await t.db('payouts').where('id', await makePayout(t, { status: 'approved', amount: 6_000 })).first();
      const before = await balance(failed!.merchant_id);
      s.payoutOutcome(paid!, 'paid');
      s.payoutOutcome(failed!, 'failed');
      s.payoutOutcome(failed!, 'paid');
      for (const e of s.events) expect((await deliver(t, e)).body.status).toBe('applied');
      expect((await t.db('payouts').where('id', paid!.id).first())!.status).toBe('paid');
      expect((await t.db('payouts').where('id', failed!.id).first())!.status).toBe('failed');
      expect(Number((await balance(failed!.merchant_id)).available)).toBe(Number(before.available) + 6_000);
      expect(await ledger(failed!.id)).toEqual(['payout -6000 settled', 'payout 6000 settled']);
      expect(await ledger(paid!.id)).toEqual(['payout -7000 settled']);
      await expectMoneyInvariants(t.db);
    });

    it('an outcome for a payout never approved here is failed for an admin; one for an unknown payout waits for it', async () => {
      const s = new EventStream(planId);
      const pending = await t.db('payouts').where('id', await makePayout(t, { status: 'pending' })).first();
      s.payoutOutcome(pending!, 'paid');
      const res = await deliver(t, s.events[0]);
      expect(res.body.status).toBe('failed');
      expect((await event(s.events[0].id))!.error).toMatch(/never approved/);
      expect((await t.db('payouts').where('id', pending!.id).first())!.status).toBe('pending');
      const { m } = await merchantDelivered();
      const stream = new EventStream(planId);
      const created = stream.payout(m.id, 1_000);
      stream.payoutOutcome(created, 'failed');
      expect((await deliver(t, stream.events[1])).body.status).toBe('parked');
      expect((await event(stream.events[1].id))!.waiting_for).toBe(created.id);
    });

    it('dispute.opened debits with its due date and takes the amount out of what is refundable; dispute.won credits it back', async () => {
      const { s, m } = await merchantDelivered();
      const { payment } = s.payment(m.id, { to: 'settled', amount: 5_000 });
      const d = s.dispute(payment, 5_000, 'won');
      for (const e of s.events.slice(1, -1)) await deliver(t, e);
      expect(await t.db('disputes').where('id', d.id).first()).toMatchObject({ status: 'needs_response', response_due_date: '2026-12-11', amount: expect.anything() });
      expect(Number((await t.db('payments').where('id', payment.id).first())!.amount_charged_back)).toBe(5_000);
      const operator = await t.agent('operator');
      expect((await operator.post('/api/refunds').set('Idempotency-Key', newId('event')).send({ payment_id: payment.id, reason: 'duplicate' })).status).toBe(409);
      const before = await balance(m.id);
      expect((await deliver(t, s.events.at(-1)!)).body.status).toBe('applied');
      expect((await t.db('disputes').where('id', d.id).first())!.status).toBe('won');
      expect(Number((await t.db('payments').where('id', payment.id).first())!.amount_charged_back)).toBe(0);
      expect(Number((await balance(m.id)).available)).toBe(Number(before.available) + 5_000);
      // A dispute for more than is left is refused, not clamped.
      const s2 = new EventStream(planId);
      s2.dispute({ ...payment, amount: 5_000 }, 6_000);
      expect((await deliver(t, s2.events[0])).body.status).toBe('failed');
      expect((await event(s2.events[0].id))!.error).toMatch(/exceeds what is neither refunded nor disputed/);
      await expectMoneyInvariants(t.db);
    });
  });
});
