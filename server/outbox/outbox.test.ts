// The outbox worker against the processor simulator (docs/processor.md, "Actions out"): each
// action reaches the processor once under its outbox id as Idempotency-Key, with the API key and
// the user's X-Request-Id; failures retry with backoff until the attempt limit; a definitive
// refusal fails the action and gives its money back; a conflict waits for a person. SQLite always;
// PostgreSQL when configured.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROCESSOR_ACTOR } from '../../shared/auditActions.ts';
import { lookupFromDatabase } from '../../simulator/backOffice.ts';
import { importPayout, startTestSimulator, type TestSimulator } from '../../simulator/testing.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { expectMoneyInvariants } from '../test/invariants.ts';
import { freshPayment, makeDispute, makePayout, PNG } from '../test/moneyFixtures.ts';
import { retryDelay } from './backoff.ts';
import { deliverAll, newTally, testWorker } from './testing.ts';

/** An operation the simulator recorded (its GET /_sim/operations), the fields read here. */
interface SimOperation { kind: string; request: unknown; outcome: string }

describe('retryDelay', () => {
  it('is full jitter under an exponential ceiling, capped', () => {
    expect(retryDelay(1, 1000, 60_000, () => 0.999)).toBe(999);
    expect(retryDelay(4, 1000, 60_000, () => 0.999)).toBe(7992);
    expect(retryDelay(30, 1000, 60_000, () => 0.999)).toBe(59_940);
    expect(retryDelay(5, 1000, 60_000, () => 0)).toBe(0);
  });
});

describe.each(ENGINES)('the outbox on %s', (engine) => {
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
  beforeEach(async () => {
    await sim.call('POST', '/_sim/faults', { error_rate: 0, timeout_rate: 0, latency_ms: 0 });
  });

  const worker = (config = {}) => testWorker(t.db, sim, config);
  const operations = async (objectId: string): Promise<SimOperation[]> => (await sim.call('GET', `/_sim/operations?object_id=${objectId}`)).body.items;
  const outboxOf = (objectId: string) => t.db('outbox').where('object_id', objectId).orderBy('id');
  const refund = async (body: object) => (await t.agent('operator')).post('/api/refunds').set('Idempotency-Key', randomUUID()).send(body);

  it('When a refund is created, then the worker sends it once, with its outbox id as Idempotency-Key and the user request\u2019s X-Request-Id', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const res = await refund({ payment_id: p.id, amount: 500, reason: 'duplicate' });
    expect(res.status).toBe(201);
    const [item] = await outboxOf(res.body.id);
    expect(item.status).toBe('pending');

    const tally = newTally();
    await deliverAll(t.db, worker(), { tally });
    expect(tally).toMatchObject({ delivered: 1, retry: 0 });
    const [after] = await outboxOf(res.body.id);
    expect(after).toMatchObject({ status: 'delivered', attempts: 1, leased_until: null, last_error: null });
    expect(after.delivered_at).toBeTruthy();

    const ops = await operations(res.body.id);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({
      idempotency_key: item.id, kind: 'refund.create', outcome: 'executed', status_code: 201, request_id: res.headers['x-request-id'],
      request: { refundId: res.body.id, chargeId: p.id, amount: 500, currency: p.currency, reason: 'duplicate' },
    });
    // Pending until the processor's event says otherwise.
    expect((await t.db('refunds').where('id', res.body.id).first())!.status).toBe('pending');
  });

  it('When an item is sent again (a lost answer, a crash before recording), then the processor executes it once', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const res = await refund({ payment_id: p.id, amount: 300, reason: 'other' });
    await deliverAll(t.db, worker());
    // As if the first answer had never been recorded.
    await t.db('outbox').where('object_id', res.body.id).update({ status: 'pending', delivered_at: null });
    await deliverAll(t.db, worker());
    expect((await outboxOf(res.body.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await operations(res.body.id)).toHaveLength(1);
    expect((await sim.call('GET', `/_sim/objects/refund/${res.body.id}`)).body.amount).toBe(300);
  });

  it('When a payout is approved or declined, then the processor is told so', async () => {
    const admin = await t.agent('admin');
    const approved = await makePayout(t, { amount: 4_000 });
    const declined = await makePayout(t, { amount: 4_000 });
    expect((await admin.post(`/api/payouts/${approved}/approve`)).body.status).toBe('processing');
    expect((await admin.post(`/api/payouts/${declined}/decline`).send({ reason: 'Bank details unverified' })).status).toBe(200);
    await deliverAll(t.db, worker());

    expect((await operations(approved)).map((o) => [o.kind, o.request, o.outcome]))
      .toEqual([['payout.confirm', { action: 'APPROVE', transactionId: approved }, 'executed']]);
    // A payout the simulator never saw is adopted as the back office has it — already declined
    // here, so the decline is on record as `unchanged`; either way it was asked once.
    expect((await operations(declined)).map((o) => [o.kind, o.request]))
      .toEqual([['payout.confirm', { action: 'DECLINE', transactionId: declined }]]);
    expect((await sim.call('GET', `/_sim/objects/payout/${approved}`)).body.status).toBe('processing');
    expect((await sim.call('GET', `/_sim/objects/payout/${declined}`)).body.status).toBe('declined');
  });

  it('When a dispute response is submitted, then the processor gets the text and each file with its sha256; an accepted dispute is accepted there', async () => {
    const support = await t.agent('support');
    const submitted = await makeDispute(t, { attachment: false });
    expect((await support.post(`/api/disputes/${submitted}/attachments`).attach('file', PNG, 'receipt.png')).status).toBe(201);
    const stored = await t.db('dispute_attachments').where('dispute_id', submitted).first('sha256', 'size');
    expect((await support.post(`/api/disputes/${submitted}/submit`)).status).toBe(200);
    const accepted = await makeDispute(t);
    expect((await support.post(`/api/disputes/${accepted}/accept`)).status).toBe(200);
    await deliverAll(t.db, worker());

    const [evidence] = await operations(submitted);
    expect(evidence).toMatchObject({ kind: 'dispute.evidence', outcome: 'executed', response: { status: 'under_review', files: 1 } });
    expect(evidence.request).toEqual({
      response_text: 'We delivered; tracking attached.',
      files: [{ filename: 'receipt.png', content_type: 'image/png', sha256: stored!.sha256, bytes: Number(stored!.size) }],
    });
    expect((await operations(accepted)).map((o) => o.kind)).toEqual(['dispute.accept']);
    expect((await sim.call('GET', `/_sim/objects/dispute/${accepted}`)).body.status).toBe('accepted');
  });

  it('When the processor answers 5xx, then the item is retried with backoff, and after OUTBOX_MAX_ATTEMPTS it is failed and the refund stays pending', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const res = await refund({ payment_id: p.id, amount: 200, reason: 'other' });
    await sim.call('POST', '/_sim/faults', { error_rate: 1 });
    const w = worker({ OUTBOX_MAX_ATTEMPTS: 3, OUTBOX_RETRY_BASE_MS: 200, OUTBOX_RETRY_MAX_MS: 200 });
    const before = Date.now();
    await w.drain();
    const [first] = await outboxOf(res.body.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, leased_until: null });
    expect(first.last_error).toMatch(/answered 503/);
    expect(Date.parse(first.next_attempt_at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(first.next_attempt_at)).toBeLessThanOrEqual(Date.now() + 200);

    const tally = newTally();
    await deliverAll(t.db, w, { tally });
    const [last] = await outboxOf(res.body.id);
    expect(last).toMatchObject({ status: 'failed', attempts: 3 });
    expect(last.last_error).toMatch(/gave up after 3 attempts/);
    expect(tally).toMatchObject({ retry: 1, failed: 1 });
    expect(await operations(res.body.id)).toHaveLength(0);
    expect((await t.db('refunds').where('id', res.body.id).first())!.status).toBe('pending');
    await expectMoneyInvariants(t.db);
  });

  it('When the processor refuses a refund outright (4xx), then the refund fails and its money comes back, in one go', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const balance = async () => Number((await t.db('balances').where({ merchant_id: p.merchant_id, currency: p.currency }).first())!.available);
    const before = await balance();
    const res = await refund({ payment_id: p.id, reason: 'other' });
    expect(await balance()).toBe(before - p.amount);
    // A charge the processor has never heard of: it answers 404.
    const [item] = await outboxOf(res.body.id);
    await t.db('outbox').where('id', item.id).update({ payload: JSON.stringify({ ...JSON.parse(item.payload), chargeId: 'py_01JX0000000000000000000000' }) });
    const tally = newTally();
    await deliverAll(t.db, worker(), { tally });

    expect(tally).toMatchObject({ refused: 1, delivered: 0 });
    const [after] = await outboxOf(res.body.id);
    expect(after.status).toBe('failed');
    expect(after.last_error).toMatch(/answered 404: No such charge/);
    expect((await t.db('refunds').where('id', res.body.id).first())!.status).toBe('failed');
    expect(Number((await t.db('payments').where('id', p.id).first())!.amount_refunded)).toBe(0);
    expect(await balance()).toBe(before);
    const audit = await t.db('audit').where({ action: 'refund.failed', entity_id: res.body.id });
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(PROCESSOR_ACTOR);
    await expectMoneyInvariants(t.db);
  });

  it('When the processor refuses a payout approval outright, then the payout fails and its debit is credited back', async () => {
    const id = await makePayout(t, { amount: 3_000 });
    expect((await (await t.agent('admin')).post(`/api/payouts/${id}/approve`)).status).toBe(200);
    await t.db('outbox').where('object_id', id).update({ payload: JSON.stringify({ transactionId: 'po_01JX0000000000000000000000' }) });
    await deliverAll(t.db, worker());
    expect((await t.db('payouts').where('id', id).first())!.status).toBe('failed');
    const entries = await t.db('transactions').where({ source_type: 'payout', source_id: id }).select('amount');
    expect(entries.map((e) => Number(e.amount)).sort((a, b) => a - b)).toEqual([-3_000, 3_000]);
    await expectMoneyInvariants(t.db);
  });

  it('When the processor holds the object in another state (409), then the item is failed for a person and the action is left as it is', async () => {
    const id = await makePayout(t, { amount: 3_000 });
    const payout = await t.db('payouts').where('id', id).first();
    await importPayout(sim, { ...payout, amount: 3_000, status: 'declined' });
    expect((await (await t.agent('admin')).post(`/api/payouts/${id}/approve`)).status).toBe(200);
    const tally = newTally();
    await deliverAll(t.db, worker(), { tally });
    expect(tally).toMatchObject({ failed: 1, retry: 0 });
    const [item] = await outboxOf(id);
    expect(item).toMatchObject({ status: 'failed', attempts: 1 });
    expect(item.last_error).toMatch(/answered 409/);
    expect((await t.db('payouts').where('id', id).first())!.status).toBe('processing');
    await expectMoneyInvariants(t.db);
  });

  it('When an admin retries a failed delivery, then it is sent again with a fresh budget; not while it is pending, nor once its refund gave the money back', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const res = await refund({ payment_id: p.id, amount: 150, reason: 'other' });
    const [item] = await outboxOf(res.body.id);
    const admin = await t.agent('admin');
    const pending = await admin.post(`/api/outbox/${item.id}/retry`);
    expect(pending.status).toBe(409);
    expect(pending.body.message).toMatch(/Only failed deliveries can be retried; this one is pending/);

    await sim.call('POST', '/_sim/faults', { error_rate: 1 });
    await deliverAll(t.db, worker({ OUTBOX_MAX_ATTEMPTS: 1 }));
    expect((await outboxOf(res.body.id))[0].status).toBe('failed');
    expect((await (await t.agent('operator')).post(`/api/outbox/${item.id}/retry`)).status).toBe(403);
    await sim.call('POST', '/_sim/faults', { error_rate: 0 });

    const retried = await admin.post(`/api/outbox/${item.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: item.id, status: 'pending', attempts: 0, kind: 'refund.create', object_id: res.body.id });
    expect(await t.db('audit').where({ action: 'outbox.retried', entity_id: item.id })).toHaveLength(1);
    await deliverAll(t.db, worker());
    expect((await outboxOf(res.body.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await operations(res.body.id)).toHaveLength(1);

    // Refused: the refund failed and its money came back — it is never sent again.
    const q = await freshPayment(t.db, { minAmount: 1000 });
    const other = await refund({ payment_id: q.id, amount: 150, reason: 'other' });
    const [refused] = await outboxOf(other.body.id);
    await t.db('outbox').where('id', refused.id).update({ payload: JSON.stringify({ ...JSON.parse(refused.payload), chargeId: 'py_01JX0000000000000000000000' }) });
    await deliverAll(t.db, worker());
    const again = await admin.post(`/api/outbox/${refused.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/its refund is failed and no longer waits for the processor/);
    expect((await outboxOf(other.body.id))[0].status).toBe('failed');

    const list = await admin.get(`/api/outbox?filter=${encodeURIComponent(JSON.stringify({ status: 'failed', object_id: other.body.id }))}`);
    expect(list.status).toBe(200);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([refused.id]);
    expect(list.body[0].payload).toMatchObject({ refundId: other.body.id });
  });

  it('When a worker\u2019s lease ran out and another took the item, then the first one\u2019s answer changes nothing', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const res = await refund({ payment_id: p.id, amount: 100, reason: 'other' });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The first worker's request hangs until released; its lease is short.
    const slow = testWorker(t.db, sim, { OUTBOX_LEASE_MS: 1, OUTBOX_TIMEOUT_MS: 1 }, async (url, init) => {
      await held;
      return fetch(url, { ...init, signal: undefined });
    });
    const first = slow.runOnce();
    await new Promise((r) => setTimeout(r, 50));
    // Lease = max(LEASE, 2 × TIMEOUT) = 2 ms: long gone; a second worker claims and delivers.
    await deliverAll(t.db, worker());
    const [delivered] = await outboxOf(res.body.id);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2 });
    release();
    await first;
    expect((await outboxOf(res.body.id))[0]).toEqual(delivered);
    expect(await operations(res.body.id)).toHaveLength(1);
  });
});
