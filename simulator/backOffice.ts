// The simulator joins a back office that already has a history (the demo seed wrote months of
// payments, payouts and disputes that, in the story, the processor made). It does not copy that
// history: it reads what it needs from the back office's database, read only — the world at
// start (merchants, plans, objects in flight) and, when a request names an object it never saw,
// that object (a refund of last month's payment, the approval of a seeded payout).
import type { Knex } from 'knex';
import type { World } from './importWorld.ts';
import { PAYOUT_STATE } from './importWorld.ts';
import type { DisputeRecord, PaymentRecord, PayoutRecord } from './records.ts';

/** Objects the processor did not make itself, as it would know them. */
export interface BackOfficeLookup {
  /** The charge, with `amount_refunded` = its succeeded refunds (pending ones are in flight). */
  payment(id: string): Promise<PaymentRecord | undefined>;
  /** The payout, `pending` (awaiting confirmation) unless the back office closed it. */
  payout(id: string): Promise<PayoutRecord | undefined>;
  /** The dispute, `needs_response` (no response received yet) unless it is closed. */
  dispute(id: string): Promise<DisputeRecord | undefined>;
}

const PAYMENT_COLUMNS = [
  'id', 'intent_id', 'merchant_id', 'amount', 'currency', 'status', 'entry_mode', 'card_brand', 'card_last4',
  'fee_amount', 'net_amount', 'amount_refunded', 'decline_code', 'decline_reason', 'auth_code', 'settlement_status',
  'settled_at', 'captured_at', 'customer_email', 'reference_id', 'created_at', 'updated_at',
] as const;
const DISPUTE_COLUMNS = [
  'id', 'payment_id', 'merchant_id', 'amount', 'currency', 'status', 'reason_code', 'reason', 'dispute_date',
  'response_due_date', 'closed_date', 'created_at', 'updated_at',
] as const;
const PAYOUT_COLUMNS = [
  'id', 'merchant_id', 'payout_number', 'amount', 'fee_amount', 'net_amount', 'currency', 'status', 'transaction_count',
  'created_at', 'updated_at',
] as const;

/** pg answers bigint columns as strings unless a parser says otherwise: numbers here, always. */
function numbers<T extends object>(row: T, fields: string[]): T {
  const out: T = { ...row };
  const values = out as Record<string, unknown>; // the same copy, read by column name
  for (const f of fields) if (values[f] !== null && values[f] !== undefined) values[f] = Number(values[f]);
  return out;
}
const PAYMENT_NUMBERS = ['amount', 'fee_amount', 'net_amount', 'amount_refunded'];
const PAYOUT_NUMBERS = ['amount', 'fee_amount', 'net_amount', 'payout_number', 'transaction_count'];

export function lookupFromDatabase(db: Knex): BackOfficeLookup {
  return {
    async payment(id) {
      const row = await db('payments').where({ id }).first(...PAYMENT_COLUMNS);
      if (!row) return undefined;
      const refunded = await db('refunds').where({ payment_id: id, status: 'succeeded' }).sum({ s: 'amount' }).first();
      return { ...numbers(row, PAYMENT_NUMBERS), amount_refunded: Number(refunded?.s ?? 0) };
    },
    async payout(id) {
      const row = await db('payouts').where({ id }).first(...PAYOUT_COLUMNS);
      if (!row) return undefined;
      return { ...numbers(row, PAYOUT_NUMBERS), status: PAYOUT_STATE[row.status] ? 'pending' : row.status };
    },
    async dispute(id) {
      const row = await db('disputes').where({ id }).first(...DISPUTE_COLUMNS);
      if (!row) return undefined;
      const open = row.status === 'needs_response' || row.status === 'under_review';
      return { ...numbers(row, ['amount']), status: open ? 'needs_response' : row.status };
    },
  };
}

/**
 * The world at start: every plan and merchant, and the objects in flight — refunds pending,
 * payouts awaiting a decision or being paid, open disputes — so `finish` can give the half-done
 * ones their outcome.
 */
export async function readBackOfficeWorld(db: Knex): Promise<World> {
  // One query after another: a SQLite source has a single connection anyway.
  const plans = await db('plans').select('id', 'name', 'plan_type', 'percent_bps', 'fixed_fee', 'currency', 'created_at');
  const merchants = await db('merchants')
    .select('id', 'name', 'email', 'country', 'default_currency', 'status', 'plan_id', 'created_at', 'updated_at');
  const refunds = await db('refunds').where('status', 'pending')
    .select('id', 'payment_id', 'intent_id', 'merchant_id', 'amount', 'currency', 'reason', 'status', 'created_at');
  const disputes = await db('disputes').whereIn('status', ['needs_response', 'under_review']).select(...DISPUTE_COLUMNS);
  const payouts = await db('payouts').whereIn('status', Object.keys(PAYOUT_STATE)).select(...PAYOUT_COLUMNS);
  return {
    plans: plans.map((p) => numbers(p, ['percent_bps', 'fixed_fee'])),
    merchants,
    refunds: refunds.map((r) => numbers(r, ['amount'])),
    disputes: disputes.map((d) => numbers(d, ['amount'])),
    payouts: payouts.map((p) => numbers(p, PAYOUT_NUMBERS)),
  };
}
