// The processor API operations the back office calls (docs/processor.md, "Actions out"): each
// validates its request, checks the object's state, changes it and schedules what happens next,
// all inside the transaction that also records the operation under its Idempotency-Key.
//
// Objects the processor has no record of — payments, payouts and disputes that existed before
// the simulator was connected — are adopted with what the request says, so an old demo database
// keeps working. Objects it does know are held to their rules (refundable amount, state).
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { REFUND_REASONS } from '../../shared/enums.ts';
import { ID_PATTERN } from '../../shared/ids.ts';
import { iso, type SimContext } from '../context.ts';
import { schedule } from '../lifecycle.ts';
import { adoptRecord, getRecord, putRecord, type DisputeRecord, type PayoutRecord, type RefundRecord } from '../records.ts';

export interface OperationResult {
  status: number;
  body: Record<string, unknown>;
  /** false: refused (a 4xx about the object's state); the refusal is replayed under the same key. */
  executed: boolean;
}

export interface Operation<B> {
  kind: string;
  body: z.ZodType<B>;
  objectId: (body: B, params: Record<string, string>) => string;
  run: (trx: Knex, ctx: SimContext, body: B, params: Record<string, string>) => Promise<OperationResult>;
}

const idOf = (prefix: string) => z.string().refine((v) => ID_PATTERN.exec(v)?.[1] === prefix, `must be a ${prefix}_ id`);
const refused = (status: number, message: string): OperationResult => ({ status, body: { message }, executed: false });

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
    if (await getRecord(trx, 'refund', b.refundId)) return refused(409, `Refund ${b.refundId} was already requested`);
    const payment = await getRecord(trx, 'payment', b.chargeId);
    let amount: number;
    let currency: string;
    if (payment) {
      if (payment.status !== 'captured') return refused(422, `Charge ${b.chargeId} is ${payment.status}, not captured`);
      if (b.currency && b.currency !== payment.currency) return refused(422, `Charge ${b.chargeId} is in ${payment.currency}, not ${b.currency}`);
      const remaining = payment.amount - (await committedRefunds(trx, payment.id));
      amount = b.amount ?? remaining;
      if (remaining <= 0) return refused(422, `Charge ${b.chargeId} is fully refunded`);
      if (amount > remaining) return refused(422, `Amount exceeds what remains refundable on ${b.chargeId} (${remaining})`);
      currency = payment.currency;
    } else {
      if (!b.amount || !b.currency) return refused(422, `Charge ${b.chargeId} is unknown here: amount and currency are required`);
      amount = b.amount;
      currency = b.currency;
    }
    const at = iso(ctx.now());
    const refund: RefundRecord = {
      id: b.refundId, payment_id: b.chargeId, intent_id: payment?.intent_id ?? null, merchant_id: payment?.merchant_id ?? null,
      amount, currency, reason: b.reason ?? 'requested_by_customer', status: 'pending', created_at: at, updated_at: at,
    };
    await putRecord(trx, 'refund', refund);
    await schedule(trx, ctx, 'refund.complete', refund.id, ctx.config.SIMULATOR_REFUND_AFTER_MS);
    return {
      status: 201,
      body: { refundId: refund.id, chargeId: refund.payment_id, amount, currency, status: 'pending', reason: refund.reason, createdAt: at },
      executed: true,
    };
  },
};

/** What pending and succeeded refunds already hold of a charge: nothing is refundable twice. */
async function committedRefunds(trx: Knex, paymentId: string): Promise<number> {
  const rows = await trx('sim_objects').where({ kind: 'refund' }).whereNot('status', 'failed')
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
    const at = iso(ctx.now());
    const adopted: PayoutRecord = {
      id: b.transactionId, merchant_id: null, payout_number: null, amount: null, fee_amount: null, net_amount: null,
      currency: null, status: 'pending', transaction_count: 0, created_at: at, updated_at: at,
    };
    await adoptRecord(trx, 'payout', adopted);
    const payout = (await getRecord(trx, 'payout', b.transactionId))!;
    if (payout.status !== 'pending') return refused(409, `Payout ${payout.id} is ${payout.status}`);
    const approve = b.action === 'APPROVE';
    await putRecord(trx, 'payout', { ...payout, status: approve ? 'processing' : 'declined', updated_at: at });
    if (approve) await schedule(trx, ctx, 'payout.complete', payout.id, ctx.config.SIMULATOR_PAYOUT_AFTER_MS);
    return {
      status: 200,
      body: {
        statusCode: '000', status: approve ? 'PROCESSING' : 'DECLINED', transactionId: payout.id,
        result: approve ? 'Payout request was submitted successfully.' : 'Payout was declined.',
      },
      executed: true,
    };
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

async function openDispute(trx: Knex, ctx: SimContext, id: string): Promise<DisputeRecord> {
  const at = iso(ctx.now());
  await adoptRecord(trx, 'dispute', {
    id, payment_id: null, merchant_id: null, amount: null, currency: null, status: 'needs_response', reason_code: null,
    reason: null, dispute_date: null, response_due_date: null, closed_date: null, created_at: at, updated_at: at,
  });
  return (await getRecord(trx, 'dispute', id))!;
}

export const submitEvidence: Operation<DisputeEvidence> = {
  kind: 'dispute.evidence',
  body: DisputeEvidence,
  objectId: (_b, p) => p.id,
  run: async (trx, ctx, b, p) => {
    for (const f of b.files) {
      const digest = createHash('sha256').update(Buffer.from(f.content_base64, 'base64')).digest('hex');
      if (digest !== f.sha256) return refused(422, `File ${f.filename}: content does not match its sha256`);
    }
    const dispute = await openDispute(trx, ctx, p.id);
    if (dispute.status !== 'needs_response') return refused(409, `Dispute ${dispute.id} is ${dispute.status}`);
    await putRecord(trx, 'dispute', { ...dispute, status: 'under_review', updated_at: iso(ctx.now()) });
    await schedule(trx, ctx, 'dispute.decide', dispute.id, ctx.config.SIMULATOR_DISPUTE_DECISION_AFTER_MS);
    return { status: 200, body: { id: dispute.id, status: 'under_review', files: b.files.length }, executed: true };
  },
};

export const acceptDispute: Operation<Record<string, never>> = {
  kind: 'dispute.accept',
  body: z.strictObject({}),
  objectId: (_b, p) => p.id,
  run: async (trx, ctx, _b, p) => {
    const dispute = await openDispute(trx, ctx, p.id);
    if (dispute.status !== 'needs_response') return refused(409, `Dispute ${dispute.id} is ${dispute.status}`);
    await putRecord(trx, 'dispute', { ...dispute, status: 'accepted', closed_date: iso(ctx.now()).slice(0, 10), updated_at: iso(ctx.now()) });
    return { status: 200, body: { id: dispute.id, status: 'accepted' }, executed: true };
  },
};
