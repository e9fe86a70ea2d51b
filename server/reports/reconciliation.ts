// The reconciliation report: per UTC day, merchant and currency, what moved through the ledger —
// payments, refunds, fees, dispute debits and credits, adjustments, payouts — and the net.
// It is computed from the `transactions` ledger itself, the same entries balances are summed
// from, so a report over all time adds up to the balances by construction (net = available +
// pending; `settled` and `unsettled` split it the same way balances do).
//
// A ledger entry's day is the UTC day of its created_at: a payment and its fee on the day the
// payment was captured (as /api/stats/fees buckets captured volume), a refund on the day it
// succeeded, a payout on the day it was approved.
import type { ReconciliationRow } from '../../shared/api/stats.ts';
import type { Db } from '../db/connect.ts';
import { addDays, dayStart } from '../../shared/days.ts';
import { dayOf } from '../stats/buckets.ts';

export type { ReconciliationRow };


/** The report's columns in order; the money ones are signed minor units. */
export const RECONCILIATION_COLUMNS = [
  'date', 'merchant_id', 'merchant_name', 'currency', 'payment_count', 'payments', 'refunds', 'fees',
  'dispute_debits', 'dispute_credits', 'adjustments', 'payouts', 'net', 'settled', 'unsettled',
] as const satisfies ReadonlyArray<keyof ReconciliationRow>;

export const MONEY_COLUMNS = new Set<string>([
  'payments', 'refunds', 'fees', 'dispute_debits', 'dispute_credits', 'adjustments', 'payouts', 'net', 'settled', 'unsettled',
]);

export interface ReconciliationFilter {
  from: string;
  to: string;
  merchantId?: string;
  currency?: string;
}

/**
 * Days per query: the report is read a day at a time, so no query holds the connection (SQLite
 * has one) or the event loop (SQLite's driver is synchronous) long — a day of a million-payment
 * ledger is some ten thousand entries.
 */
const DAYS_PER_QUERY = 1;

const SUMS: Record<string, string> = {
  payment_count: `case when source_type = 'payment' then 1 else 0 end`,
  payments: `case when source_type = 'payment' then amount else 0 end`,
  refunds: `case when source_type = 'refund' then amount else 0 end`,
  fees: `case when source_type = 'fee' then amount else 0 end`,
  dispute_debits: `case when source_type = 'dispute' and amount < 0 then amount else 0 end`,
  dispute_credits: `case when source_type = 'dispute' and amount > 0 then amount else 0 end`,
  adjustments: `case when source_type = 'adjustment' then amount else 0 end`,
  payouts: `case when source_type = 'payout' then amount else 0 end`,
  net: 'amount',
  settled: `case when settlement_status = 'settled' then amount else 0 end`,
  unsettled: `case when settlement_status = 'unsettled' then amount else 0 end`,
};

async function reportChunk(db: Db, f: ReconciliationFilter): Promise<ReconciliationRow[]> {
  const day = dayOf('t.created_at');
  const inner = db('transactions as t')
    .select(db.raw(`${day} as date`), 't.merchant_id', 't.currency')
    .where('t.created_at', '>=', dayStart(f.from))
    .where('t.created_at', '<', dayStart(addDays(f.to, 1)))
    .groupByRaw(`${day}, t.merchant_id, t.currency`);
  for (const [name, expr] of Object.entries(SUMS)) inner.select(db.raw(`sum(${expr}) as ??`, [name]));
  if (f.merchantId) inner.where('t.merchant_id', f.merchantId);
  if (f.currency) inner.where('t.currency', f.currency);
  const rows = await db
    .from(inner.as('r'))
    .join('merchants as m', 'm.id', 'r.merchant_id')
    .select('r.*', 'm.name as merchant_name')
    .orderBy([{ column: 'r.date' }, { column: 'r.merchant_id' }, { column: 'r.currency' }]);
  return rows.map((r: Record<string, unknown>) => {
    const out: Record<string, unknown> = { date: r.date, merchant_id: r.merchant_id, merchant_name: r.merchant_name, currency: r.currency };
    for (const name of Object.keys(SUMS)) out[name] = Number(r[name] ?? 0);
    // The four keys above and every sum: the report's columns (SUMS is keyed by name, not typed).
    return out as unknown as ReconciliationRow;
  });
}

/** The report in order (date, merchant, currency), a day per batch. */
export async function* reconciliationBatches(db: Db, f: ReconciliationFilter): AsyncGenerator<ReconciliationRow[]> {
  for (let start = f.from; start <= f.to; start = addDays(start, DAYS_PER_QUERY)) {
    const end = addDays(start, DAYS_PER_QUERY - 1);
    yield await reportChunk(db, { ...f, from: start, to: end < f.to ? end : f.to });
  }
}
