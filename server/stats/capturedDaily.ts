// The one aggregate every chart starts from: captured volume, fees and count per UTC day of
// capture and currency (and merchant, when asked). It reads `payment_daily_totals`, which the
// database keeps equal to the captured payments grouped by (day, currency, merchant) — see
// migrations/20261123_02_stats_daily_totals.ts — so a chart over months sums a few thousand
// rows instead of every payment; callers regroup the daily rows into weeks, months, plans or
// totals.
import type { Knex } from 'knex';
import type { Db } from '../db/connect.ts';
import type { Totals } from '../../shared/api/stats.ts';

export type { Totals };

export const DAILY_TOTALS = 'payment_daily_totals';

export interface CapturedFilter {
  from: string;
  to: string;
  merchantId?: string;
  /** Merchants currently on this plan (merchants.plan_id). */
  planId?: string;
  currency?: string;
  /** Keep one row per merchant too (for per-plan figures). */
  byMerchant?: boolean;
}

/**
 * Subquery with columns captured_day, currency, [merchant_id,] volume, fees, count: captured
 * volume (payments.amount), fees (payments.fee_amount) and the payment count, by the UTC day
 * `captured_at` falls on.
 */
export function capturedDaily(db: Db, f: CapturedFilter): Knex.QueryBuilder {
  const qb = db(DAILY_TOTALS)
    .select('captured_day', 'currency')
    .sum({ volume: 'volume' })
    .sum({ fees: 'fees' })
    .sum({ count: 'count' })
    .whereBetween('captured_day', [f.from, f.to]);
  if (f.currency) qb.where('currency', f.currency);
  if (f.merchantId) qb.where('merchant_id', f.merchantId);
  if (f.planId) qb.whereIn('merchant_id', db('merchants').select('id').where('plan_id', f.planId));
  if (f.byMerchant) qb.select('merchant_id').groupBy('captured_day', 'currency', 'merchant_id');
  else qb.groupBy('captured_day', 'currency');
  return qb;
}


/** Numbers out of an aggregate row: pg returns sums as numeric, and sums of nothing as null. */
export function totalsOf(row: { volume?: unknown; fees?: unknown; count?: unknown }): Totals {
  return { volume: Number(row.volume ?? 0), fees: Number(row.fees ?? 0), count: Number(row.count ?? 0) };
}
