// The processor API as the back office uses it: bearer auth, Idempotency-Key semantics (same key
// and body → the first answer again, never a second execution; another body → 422), the state
// rules of refunds, payouts and disputes, and the record of executed operations.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.ts';
import { capturedPayment, importDemoWorld, importDispute, importPayout, startTestSimulator, type TestSimulator } from '../testing.ts';

let t: TestSimulator;
beforeEach(async () => {
  t = await startTestSimulator();
});
afterEach(async () => {
  await t.stop();
});

const key = () => `key-${newId('event')}`;
let charge: { id: string; amount: number };
beforeEach(async () => {
  charge = await capturedPayment(t, 100_000);
});
const refundBody = (over: Record<string, unknown> = {}) => ({
  refundId: newId('refund'), chargeId: charge.id, amount: 1500, currency: 'USD', reason: 'requested_by_customer', ...over,
});
/** An operation the simulator recorded (its GET /_sim/operations), the fields read here. */
type SimOperation = Record<string, unknown> & { kind: string; outcome: string; request: { files: unknown[] } };
const operations = async () => (await t.call('GET', '/_sim/operations')).body.items as SimOperation[];

describe('authentication', () => {
  it('When the bearer token is missing or wrong, then 401 and nothing runs', async () => {
    for (const auth of [undefined, 'Bearer wrong-key-0123456789', `Basic ${t.apiKey}`, `Bearer ${t.apiKey}x`]) {
      const res = await fetch(`${t.url}/v1/refunds`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key(), ...(auth ? { Authorization: auth } : {}) },
        body: JSON.stringify(refundBody()),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: 'Missing or invalid API key' });
    }
    expect((await fetch(`${t.url}/_sim/operations`)).status).toBe(401);
    expect(await operations()).toEqual([]);
  });
});

describe('POST /v1/refunds and the Idempotency-Key', () => {
  it('When the same key comes with the same body, then the first answer comes back and the refund is executed once', async () => {
    const k = key();
    const body = refundBody();
    const first = await t.call('POST', '/v1/refunds', body, { 'Idempotency-Key': k, 'X-Request-Id': 'req-123' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ refundId: body.refundId, chargeId: body.chargeId, amount: 1500, currency: 'USD', status: 'pending' });
    expect(first.headers.get('x-trace-id')).toMatch(/^trc_/);

    // Keys in another order are the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await t.call('POST', '/v1/refunds', reordered, { 'Idempotency-Key': k });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const ops = await operations();
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ idempotency_key: k, kind: 'refund.create', object_id: body.refundId, outcome: 'executed', request_id: 'req-123' });
    const state = (await t.call('GET', '/_sim/state')).body;
    expect(state.tasks_pending['refund.complete']).toBe(1); // one refund outcome to come, not two
  });

  it('When the same key comes with a different body, then 422 and nothing more is executed', async () => {
    const k = key();
    const body = refundBody();
    expect((await t.call('POST', '/v1/refunds', body, { 'Idempotency-Key': k })).status).toBe(201);
    const res = await t.call('POST', '/v1/refunds', { ...body, amount: 1501 }, { 'Idempotency-Key': k });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/different request/);
    // The same key on another route is another request too.
    const other = await t.call('POST', '/v1/payouts/confirm', { action: 'APPROVE', transactionId: newId('payout') }, { 'Idempotency-Key': k });
    expect(other.status).toBe(422);
    expect(await operations()).toHaveLength(1);
  });

  it('When the key is missing or malformed, or the body invalid, then 400 and nothing is recorded; the fixed request may reuse the key', async () => {
    expect((await t.call('POST', '/v1/refunds', refundBody())).status).toBe(400);
    expect((await t.call('POST', '/v1/refunds', refundBody(), { 'Idempotency-Key': 'has space' })).status).toBe(400);
    const k = key();
    for (const bad of [{ amount: 0 }, { amount: 1.5 }, { amount: '100' }, { chargeId: 'pi_01' }, { reason: 'because' }, { extra: 1 }]) {
      const res = await t.call('POST', '/v1/refunds', refundBody(bad), { 'Idempotency-Key': k });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.message).toMatch(/Invalid request/);
    }
    expect(await operations()).toEqual([]);
    expect((await t.call('POST', '/v1/refunds', refundBody(), { 'Idempotency-Key': k })).status).toBe(201);
  });

  it('When a charge the processor knows would be over-refunded, pending refunds included, then 422, recorded as refused and replayed as such', async () => {
    const [merchant] = await importDemoWorld(t);
    const charge = await capturedPayment(t, 10_000, merchant.id);
    const ok = await t.call('POST', '/v1/refunds', refundBody({ chargeId: charge.id, amount: 6_000 }), { 'Idempotency-Key': key() });
    expect(ok.status).toBe(201);
    const k = key();
    const body = refundBody({ chargeId: charge.id, amount: 4_001 });
    const over = await t.call('POST', '/v1/refunds', body, { 'Idempotency-Key': k });
    expect(over.status).toBe(422);
    expect(over.body.message).toMatch(/remains refundable.*4000/);
    expect((await t.call('POST', '/v1/refunds', body, { 'Idempotency-Key': k })).body).toEqual(over.body);
    // The rest (amount omitted) is exactly what remains.
    const rest = await t.call('POST', '/v1/refunds', refundBody({ chargeId: charge.id, amount: undefined }), { 'Idempotency-Key': key() });
    expect(rest.body).toMatchObject({ amount: 4_000, status: 'pending' });
    const wrongCurrency = await t.call('POST', '/v1/refunds', refundBody({ chargeId: charge.id, amount: 1, currency: 'EUR' }), { 'Idempotency-Key': key() });
    expect(wrongCurrency.status).toBe(422);
    const outcomes = (await operations()).map((o) => o.outcome);
    expect(outcomes.sort()).toEqual(['executed', 'executed', 'refused', 'refused']);
    // Once the pending refunds succeed, the charge is fully refunded.
    await t.call('POST', '/_sim/faults', {});
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    const done = await t.call('POST', '/v1/refunds', refundBody({ chargeId: charge.id, amount: 1 }), { 'Idempotency-Key': key() });
    expect(done.body.message).toMatch(/fully refunded|remains refundable/);
  });

  it('When the same refund comes again under another key, then it answers its state and executes nothing; another amount is a 409', async () => {
    const body = refundBody();
    const first = await t.call('POST', '/v1/refunds', body, { 'Idempotency-Key': key() });
    expect(first.status).toBe(201);
    const again = await t.call('POST', '/v1/refunds', body, { 'Idempotency-Key': key() });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await t.call('POST', '/v1/refunds', { ...body, amount: 1 }, { 'Idempotency-Key': key() });
    expect(other.status).toBe(409);
    expect((await operations()).map((o) => o.outcome)).toEqual(['executed', 'unchanged', 'refused']);
    expect((await t.call('GET', '/_sim/state')).body.tasks_pending['refund.complete']).toBe(1);
  });

  it('When the charge is unknown, then 404, recorded as refused', async () => {
    const res = await t.call('POST', '/v1/refunds', refundBody({ chargeId: newId('payment') }), { 'Idempotency-Key': key() });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/No such charge/);
    expect((await operations()).map((o) => o.outcome)).toEqual(['refused']);
  });
});

describe('POST /v1/payouts/confirm', () => {
  it('When a payout is approved, then it is processing and later paid by an event; approving again changes nothing, declining is a 409', async () => {
    const { id } = await importPayout(t);
    const res = await t.call('POST', '/v1/payouts/confirm', { action: 'APPROVE', transactionId: id }, { 'Idempotency-Key': key() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: '000', status: 'PROCESSING', transactionId: id });
    const again = await t.call('POST', '/v1/payouts/confirm', { action: 'APPROVE', transactionId: id }, { 'Idempotency-Key': key() });
    expect(again.body).toMatchObject({ status: 'PROCESSING', result: 'Payout was already confirmed.' });
    const decline = await t.call('POST', '/v1/payouts/confirm', { action: 'DECLINE', transactionId: id }, { 'Idempotency-Key': key() });
    expect(decline.status).toBe(409);
    expect(decline.body.message).toBe(`Payout ${id} is processing`);
    expect((await operations()).map((o) => o.outcome)).toEqual(['executed', 'unchanged', 'refused']);
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    const events = (await t.call('GET', `/_sim/events?object_id=${id}`)).body.items;
    expect(events.map((e: { type: string }) => e.type)).toEqual([expect.stringMatching(/^payout\.(paid|failed)$/)]);
    expect(events[0].envelope.data).toMatchObject({ id, merchant_id: expect.any(String), amount: 50_000, payout_number: expect.any(Number) });
  });

  it('When the payout is unknown, then 404', async () => {
    const res = await t.call('POST', '/v1/payouts/confirm', { action: 'APPROVE', transactionId: newId('payout') }, { 'Idempotency-Key': key() });
    expect(res.status).toBe(404);
  });

  it('When a payout is declined, then it is declined and no event follows', async () => {
    const { id } = await importPayout(t);
    const res = await t.call('POST', '/v1/payouts/confirm', { action: 'DECLINE', transactionId: id }, { 'Idempotency-Key': key() });
    expect(res.body).toMatchObject({ status: 'DECLINED', transactionId: id });
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    expect((await t.call('GET', `/_sim/events?object_id=${id}`)).body.items).toEqual([]);
    expect((await t.call('GET', `/_sim/objects/payout/${id}`)).body.status).toBe('declined');
  });

  it('When the action or the id is not valid, then 400', async () => {
    for (const body of [{ action: 'approve', transactionId: newId('payout') }, { action: 'APPROVE', transactionId: newId('refund') }, { action: 'APPROVE' }]) {
      expect((await t.call('POST', '/v1/payouts/confirm', body, { 'Idempotency-Key': key() })).status).toBe(400);
    }
  });
});

describe('POST /v1/disputes/:id/evidence and /accept', () => {
  const file = (content: Buffer, sha = createHash('sha256').update(content).digest('hex')) => ({
    filename: 'receipt.pdf', content_type: 'application/pdf', sha256: sha, content_base64: content.toString('base64'),
  });

  it('When evidence is submitted, then the dispute is under review and later won or lost; the record keeps digests, not bytes', async () => {
    const { id } = await importDispute(t);
    const content = Buffer.from('%PDF-1.4 evidence');
    const res = await t.call('POST', `/v1/disputes/${id}/evidence`, { response_text: 'Delivered, signed for.', files: [file(content)] }, { 'Idempotency-Key': key() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, status: 'under_review', files: 1 });
    const [op] = (await operations()).filter((o) => o.kind === 'dispute.evidence');
    expect(op.request.files[0]).toEqual({ filename: 'receipt.pdf', content_type: 'application/pdf', sha256: file(content).sha256, bytes: content.length });
    expect((await t.call('POST', `/v1/disputes/${id}/accept`, {}, { 'Idempotency-Key': key() })).status).toBe(409);
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    const events = (await t.call('GET', `/_sim/events?object_id=${id}`)).body.items;
    expect(events.map((e: { type: string }) => e.type)).toEqual([expect.stringMatching(/^dispute\.(won|lost)$/)]);
  });

  it('When a file does not match its digest, then 422 and the dispute is untouched', async () => {
    const { id } = await importDispute(t);
    const res = await t.call('POST', `/v1/disputes/${id}/evidence`, { response_text: 'x', files: [file(Buffer.from('a'), 'f'.repeat(64))] }, { 'Idempotency-Key': key() });
    expect(res.status).toBe(422);
    expect((await t.call('POST', `/v1/disputes/${id}/accept`, {}, { 'Idempotency-Key': key() })).body).toEqual({ id, status: 'accepted' });
    expect((await t.call('POST', `/v1/disputes/${newId('dispute')}/accept`, {}, { 'Idempotency-Key': key() })).status).toBe(404);
  });

  it('When the path is not a dispute id, then 400', async () => {
    expect((await t.call('POST', `/v1/disputes/${newId('payout')}/accept`, {}, { 'Idempotency-Key': key() })).status).toBe(400);
  });
});

describe('fault knobs on the processor API', () => {
  it('When the error rate is 1, then every call is a 503 and nothing executes', async () => {
    await t.call('POST', '/_sim/faults', { error_rate: 1 });
    const res = await t.call('POST', '/v1/refunds', refundBody(), { 'Idempotency-Key': key() });
    expect(res.status).toBe(503);
    expect(await operations()).toEqual([]);
  });

  it('When the answer is lost, then the operation ran once and a retry with the same key gets its answer', async () => {
    await t.call('POST', '/_sim/faults', { timeout_rate: 1, timeout_ms: 50 });
    const k = key();
    const body = refundBody();
    await expect(t.call('POST', '/v1/refunds', body, { 'Idempotency-Key': k })).rejects.toThrow();
    expect(await operations()).toHaveLength(1);
    await t.call('POST', '/_sim/faults', { timeout_rate: 0 });
    const retry = await t.call('POST', '/v1/refunds', body, { 'Idempotency-Key': k });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await operations()).toHaveLength(1);
  });

  it('When the knobs are set with bad values, then 400 and they stay as they were', async () => {
    for (const body of [{ error_rate: 2 }, { latency_ms: -1 }, { nonsense: 1 }]) {
      expect((await t.call('POST', '/_sim/faults', body)).status).toBe(400);
    }
    expect((await t.call('GET', '/_sim/faults')).body.error_rate).toBe(0);
  });
});
