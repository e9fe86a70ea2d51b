// What the processor is told about the world it joins: the back office's merchants and plans (so
// new payments belong to them and are priced with their plans), and the objects still in flight
// (recent captured payments, pending refunds, payouts awaiting a decision or being paid, open
// disputes). Objects it already knows are left as they are. With `finish`, the ones left
// half-way — a refund pending, a payout processing, a response under review — get their outcome
// later like any other, so nothing in a demo waits forever.
import type { Knex } from 'knex';
import { z } from 'zod';
import type { SimContext } from './context.ts';
import { schedule } from './lifecycle.ts';
import { adoptRecord, type Kind } from './records.ts';
import { raiseCounter } from './storage.ts';

const withId = z.looseObject({ id: z.string().min(1).max(60) });

export const World = z.strictObject({
  plans: z.array(z.looseObject({
    id: z.string().min(1), plan_type: z.enum(['FLAT_RATE', 'INTERCHANGE_PLUS', 'TIERED']), percent_bps: z.number().int(),
    fixed_fee: z.number().int(), currency: z.string().length(3),
  })).default([]),
  merchants: z.array(z.looseObject({
    id: z.string().min(1), status: z.string(), plan_id: z.string().min(1), default_currency: z.string().length(3),
  })).default([]),
  payments: z.array(withId).default([]),
  refunds: z.array(withId).default([]),
  disputes: z.array(withId).default([]),
  payouts: z.array(withId).default([]),
  finish: z.boolean().default(false),
});
export type World = z.input<typeof World>;

export interface ImportCounts {
  plans: number;
  merchants: number;
  payments: number;
  refunds: number;
  disputes: number;
  payouts: number;
  /** In-flight objects given an outcome to come. */
  finishing: number;
}

/** The processor knows only these payout states; the back office's approval steps are its own. */
const PAYOUT_STATE: Record<string, string> = {
  pending: 'pending', pending_second_approval: 'pending', approved: 'processing', processing: 'processing',
};

export async function importWorld(ctx: SimContext, input: World): Promise<ImportCounts> {
  const world = World.parse(input);
  const counts: ImportCounts = { plans: 0, merchants: 0, payments: 0, refunds: 0, disputes: 0, payouts: 0, finishing: 0 };
  const adopt = async (trx: Knex, kind: Kind, rows: Array<Record<string, any>>, key: keyof ImportCounts) => {
    const fresh = [];
    for (const row of rows) if (await adoptRecord(trx, kind, row as any)) fresh.push(row);
    counts[key] += fresh.length;
    return fresh;
  };
  await ctx.db.transaction(async (trx) => {
    await adopt(trx, 'plan', world.plans, 'plans');
    await adopt(trx, 'merchant', world.merchants, 'merchants');
    await adopt(trx, 'payment', world.payments, 'payments');
    const refunds = await adopt(trx, 'refund', world.refunds, 'refunds');
    const disputes = await adopt(trx, 'dispute', world.disputes, 'disputes');
    const payouts = await adopt(trx, 'payout', world.payouts.map((p) => ({ ...p, status: PAYOUT_STATE[String(p.status)] ?? p.status })), 'payouts');
    const numbers = payouts.map((p) => Number(p.payout_number)).filter(Number.isFinite);
    if (numbers.length) await raiseCounter(trx, 'payout_number', Math.max(...numbers));
    if (!world.finish) return;
    for (const r of refunds.filter((r) => r.status === 'pending')) {
      await schedule(trx, ctx, 'refund.complete', r.id, ctx.config.SIMULATOR_REFUND_AFTER_MS);
      counts.finishing++;
    }
    for (const p of payouts.filter((p) => p.status === 'processing')) {
      await schedule(trx, ctx, 'payout.complete', p.id, ctx.config.SIMULATOR_PAYOUT_AFTER_MS);
      counts.finishing++;
    }
    for (const d of disputes.filter((d) => d.status === 'under_review')) {
      await schedule(trx, ctx, 'dispute.decide', d.id, ctx.config.SIMULATOR_DISPUTE_DECISION_AFTER_MS);
      counts.finishing++;
    }
  });
  return counts;
}

const PAYMENT_COLUMNS = [
  'id', 'intent_id', 'merchant_id', 'amount', 'currency', 'status', 'entry_mode', 'card_brand', 'card_last4',
  'fee_amount', 'net_amount', 'amount_refunded', 'decline_code', 'decline_reason', 'auth_code', 'settlement_status',
  'settled_at', 'captured_at', 'customer_email', 'reference_id', 'created_at', 'updated_at',
];

/**
 * Reads that world from a back-office database (read only): every plan and merchant, the
 * in-flight objects, and the most recent captured payments (so refunds of them are checked
 * against what remains refundable; older ones are adopted when refunded).
 */
export async function readBackOfficeWorld(db: Knex, opts: { recentPayments?: number } = {}): Promise<World> {
  // One after another: a SQLite source has a single connection anyway.
  const plans = await db('plans').select('id', 'name', 'plan_type', 'percent_bps', 'fixed_fee', 'currency', 'created_at');
  const merchants = await db('merchants')
    .select('id', 'name', 'email', 'country', 'default_currency', 'status', 'plan_id', 'created_at', 'updated_at');
  const payments = await db('payments').where('status', 'captured')
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .limit(opts.recentPayments ?? 5_000).select(PAYMENT_COLUMNS);
  const refunds = await db('refunds').where('status', 'pending')
    .select('id', 'payment_id', 'intent_id', 'merchant_id', 'amount', 'currency', 'reason', 'status', 'created_at');
  const disputes = await db('disputes').whereIn('status', ['needs_response', 'under_review'])
    .select('id', 'payment_id', 'merchant_id', 'amount', 'currency', 'status', 'reason_code', 'reason', 'dispute_date',
      'response_due_date', 'closed_date', 'created_at', 'updated_at');
  const payouts = await db('payouts').whereIn('status', Object.keys(PAYOUT_STATE))
    .select('id', 'merchant_id', 'payout_number', 'amount', 'fee_amount', 'net_amount', 'currency', 'status',
      'transaction_count', 'created_at', 'updated_at');
  const num = (rows: any[], fields: string[]) => rows.map((r) => ({ ...r, ...Object.fromEntries(fields.map((f) => [f, r[f] === null ? null : Number(r[f])])) }));
  return {
    plans: num(plans, ['percent_bps', 'fixed_fee']),
    merchants,
    payments: num(payments, ['amount', 'fee_amount', 'net_amount', 'amount_refunded']),
    refunds: num(refunds, ['amount']),
    disputes: num(disputes, ['amount']),
    payouts: num(payouts, ['amount', 'fee_amount', 'net_amount', 'payout_number', 'transaction_count']),
  };
}
