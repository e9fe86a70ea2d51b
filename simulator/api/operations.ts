// The processor API operations the back office calls (docs/processor.md, "Actions out"): each
// validates its request, checks the object's state, changes it and schedules what happens next,
// all inside the transaction that also records the operation under its Idempotency-Key.
//
// An object the simulator did not make itself (the demo seed's history) is looked up in the back
// office's database when it has one (simulator/backOffice.ts) and kept from then on; an object
// found nowhere is a 404, as with a real processor. Asking again for what already happened —
// the same refund, an approval of a payout already being paid — answers its current state and
// executes nothing (outcome `unchanged`); asking for the opposite is a 409.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { REFUND_REASONS } from '../../shared/enums.ts';
import { ID_PATTERN } from '../../shared/ids.ts';
import { iso, type SimContext } from '../context.ts';
import { schedule } from '../lifecycle.ts';
import { adoptRecord, getRecord, putRecord, type Kind, type RecordKinds, type RefundRecord } from '../records.ts';

export type Outcome = 'executed' | 'unchanged' | 'refused';

export interface OperationResult {
  status: number;
  body: Record<string, unknown>;
  /**
   * executed: it changed something; unchanged: it had already happened, the answer says so;
   * refused: a 4xx about the object or its state. All three are replayed under the same key.
   */
  outcome: Outcome;
}

export interface Operation<B> {
  kind: string;
  body: z.ZodType<B>;
  objectId: (body: B, params: Record<string, string>) => string;
  run: (trx: Knex, ctx: SimContext, body: B, params: Record<string, string>) => Promise<OperationResult>;
}

const idOf = (prefix: string) => z.string().refine((v) => ID_PATTERN.exec(v)?.[1] === prefix, `must be a ${prefix}_ id`);
const refused = (status: number, message: string): OperationResult => ({ status, body: { message }, outcome: 'refused' });

/** The simulator's own record of an object, else the back office's history (then kept), else nothing. */
async function find<K extends 'payment' | 'payout' | 'dispute'>(
  trx: Knex, ctx: SimContext, kind: K, id: string,
): Promise<RecordKinds[K] | undefined> {
  const mine = await getRecord(trx, kind as Kind, id);
  if (mine) return mine as RecordKinds[K];
  const found = (await ctx.lookup?.[kind](id)) as RecordKinds[K] | undefined;
  if (found) await adoptRecord(trx, kind, found);
  return found;
}

// ---------------------------------------------------------------------------------------------
// POST /v1/refunds  {refundId, chargeId, amount, currency, reason}

const RefundRequest = z.strictObject({
  refundId: idOf('re'),
  chargeId: idOf('py'),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code').optional(),
  reason: z.enum(REFUND_REASONS).optional(),
  note: z.string().max(1000).nullish(),
});
type RefundRequest = z.infer<typeof RefundRequest>;

export const createRefund: Operation<RefundRequest> = {
  kind: 'refund.create',
  body: RefundRequest,
  objectId: (b) => b.refundId,
  run: async (trx, ctx, b) => {
    const payment = await find(trx, ctx, 'payment', b.chargeId);
    const existing = await getRecord(trx, 'refund', b.refundId);
    if (existing) {
      const same = existing.payment_id === b.chargeId && (b.amount == null || b.amount === existing.amount);
      if (!same) return refused(409, `Refund ${b.refundId} was already requested, for another charge or amount`);
      return { status: 200, body: refundBody(existing), outcome: 'unchanged' };
    }
    if (!payment) return refused(404, `No such charge: ${b.chargeId}`);
    if (payment.status !== 'captured') return refused(422, `Charge ${b.chargeId} is ${payment.status}, not captured`);
    if (b.currency && b.currency !== payment.currency) return refused(422, `Charge ${b.chargeId} is in ${payment.currency}, not ${b.currency}`);
    const remaining = payment.amount - payment.amount_refunded - (await pendingRefunds(trx, payment.id));
    if (remaining <= 0) return refused(422, `Charge ${b.chargeId} is fully refunded`);
    const amount = b.amount ?? remaining;
    if (amount > remaining) return refused(422, `Amount exceeds what remains refundable on ${b.chargeId} (${remaining})`);
    const at = iso(ctx.now());
    const refund: RefundRecord = {
      id: b.refundId, payment_id: payment.id, intent_id: payment.intent_id, merchant_id: payment.merchant_id,
      amount, currency: payment.currency, reason: b.reason ?? 'requested_by_customer', status: 'pending', created_at: at, updated_at: at,
    };
    await putRecord(trx, 'refund', refund);
    await schedule(trx, ctx, 'refund.complete', refund.id, ctx.config.SIMULATOR_REFUND_AFTER_MS);
    return { status: 201, body: refundBody(refund), outcome: 'executed' };
  },
};

const refundBody = (r: RefundRecord) => ({
  refundId: r.id, chargeId: r.payment_id, amount: r.amount, currency: r.currency, status: r.status, reason: r.reason, createdAt: r.created_at,
});

/** What refunds still pending hold of a charge (succeeded ones are in its amount_refunded). */
async function pendingRefunds(trx: Knex, paymentId: string): Promise<number> {
  const rows = await trx('sim_objects').where({ kind: 'refund', status: 'pending' })
    .whereRaw("json_extract(record, '$.payment_id') = ?", [paymentId]).select('record');
  return rows.reduce((sum, r) => sum + JSON.parse(r.record).amount, 0);
}

// ---------------------------------------------------------------------------------------------
// POST /v1/payouts/confirm  {action: APPROVE | DECLINE, transactionId}

const PayoutConfirm = z.strictObject({
  action: z.enum(['APPROVE', 'DECLINE']),
  transactionId: idOf('po'),
});
type PayoutConfirm = z.infer<typeof PayoutConfirm>;

export const confirmPayout: Operation<PayoutConfirm> = {
  kind: 'payout.confirm',
  body: PayoutConfirm,
  objectId: (b) => b.transactionId,
  run: async (trx, ctx, b) => {
    const payout = await find(trx, ctx, 'payout', b.transactionId);
    if (!payout) return refused(404, `No such payout: ${b.transactionId}`);
    const approve = b.action === 'APPROVE';
    const answer = (status: string, result: string, outcome: Outcome): OperationResult => ({
      status: 200, body: { statusCode: '000', status: status.toUpperCase(), transactionId: payout.id, result }, outcome,
    });
    if (payout.status !== 'pending') {
      const alreadyDone = approve ? ['processing', 'paid'].includes(payout.status) : payout.status === 'declined';
      if (alreadyDone) return answer(payout.status, 'Payout was already confirmed.', 'unchanged');
      return refused(409, `Payout ${payout.id} is ${payout.status}`);
    }
    await putRecord(trx, 'payout', { ...payout, status: approve ? 'processing' : 'declined', updated_at: iso(ctx.now()) });
    if (!approve) return answer('declined', 'Payout was declined.', 'executed');
    await schedule(trx, ctx, 'payout.complete', payout.id, ctx.config.SIMULATOR_PAYOUT_AFTER_MS);
    return answer('processing', 'Payout request was submitted successfully.', 'executed');
  },
};

// ---------------------------------------------------------------------------------------------
// POST /v1/disputes/:id/evidence  {response_text, files: [{filename, content_type, sha256, content_base64}]}
// POST /v1/disputes/:id/accept    {}

const EvidenceFile = z.strictObject({
  filename: z.string().min(1).max(255),
  content_type: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256'),
  content_base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
const DisputeEvidence = z.strictObject({
  response_text: z.string().trim().min(1).max(20_000),
  files: z.array(EvidenceFile).max(20).default([]),
});
type DisputeEvidence = z.infer<typeof DisputeEvidence>;

export const disputeParams = z.object({ id: idOf('dp') });

export const submitEvidence: Operation<DisputeEvidence> = {
  kind: 'dispute.evidence',
  body: DisputeEvidence,
  objectId: (_b, p) => p.id,
  run: async (trx, ctx, b, p) => {
    for (const f of b.files) {
      const digest = createHash('sha256').update(Buffer.from(f.content_base64, 'base64')).digest('hex');
      if (digest !== f.sha256) return refused(422, `File ${f.filename}: content does not match its sha256`);
    }
    const dispute = await find(trx, ctx, 'dispute', p.id);
    if (!dispute) return refused(404, `No such dispute: ${p.id}`);
    if (dispute.status === 'under_review') return { status: 200, body: { id: dispute.id, status: dispute.status }, outcome: 'unchanged' };
    if (dispute.status !== 'needs_response') return refused(409, `Dispute ${dispute.id} is ${dispute.status}`);
    await putRecord(trx, 'dispute', { ...dispute, status: 'under_review', updated_at: iso(ctx.now()) });
    await schedule(trx, ctx, 'dispute.decide', dispute.id, ctx.config.SIMULATOR_DISPUTE_DECISION_AFTER_MS);
    return { status: 200, body: { id: dispute.id, status: 'under_review', files: b.files.length }, outcome: 'executed' };
  },
};

export const acceptDispute: Operation<Record<string, never>> = {
  kind: 'dispute.accept',
  body: z.strictObject({}),
  objectId: (_b, p) => p.id,
  run: async (trx, ctx, _b, p) => {
    const dispute = await find(trx, ctx, 'dispute', p.id);
    if (!dispute) return refused(404, `No such dispute: ${p.id}`);
    if (dispute.status === 'accepted') return { status: 200, body: { id: dispute.id, status: dispute.status }, outcome: 'unchanged' };
    if (dispute.status !== 'needs_response') return refused(409, `Dispute ${dispute.id} is ${dispute.status}`);
    const now = ctx.now();
    await putRecord(trx, 'dispute', { ...dispute, status: 'accepted', closed_date: iso(now).slice(0, 10), updated_at: iso(now) });
    return { status: 200, body: { id: dispute.id, status: 'accepted' }, outcome: 'executed' };
  },
};
