// GET /api/stats/fees: captured volume, fees and count per period and currency.
import type { FeeRow } from '../../shared/api/stats.ts';
import type { Db } from '../db/connect.ts';
import { bucketSql, periodsBetween, type Interval } from './buckets.ts';
import { capturedDaily, totalsOf, type CapturedFilter } from './capturedDaily.ts';

export type { FeeRow };


export async function feesByPeriod(db: Db, f: CapturedFilter & { interval: Interval }): Promise<FeeRow[]> {
  const period = bucketSql(db.engine, f.interval, 'd.captured_day');
  const rows = await db
    .from(capturedDaily(db, f).as('d'))
    .select(db.raw(`${period} as period`), 'd.currency')
    .sum({ volume: 'd.volume' })
    .sum({ fees: 'd.fees' })
    .sum({ count: 'd.count' })
    .groupByRaw(`${period}, d.currency`);
  return fillGaps(
    rows.map((r: Record<string, unknown>) => ({ period: String(r.period), currency: String(r.currency), ...totalsOf(r) })),
    periodsBetween(f.interval, f.from, f.to),
  );
}

/**
 * Every currency that has data gets a row for every period of the range (zeros where nothing
 * was captured), so each currency is one continuous series on a chart. Sorted by period, then
 * currency. A range with no data at all stays empty.
 */
function fillGaps(rows: FeeRow[], periods: string[]): FeeRow[] {
  const byKey = new Map(rows.map((r) => [`${r.period}|${r.currency}`, r]));
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return periods.flatMap((period) =>
    currencies.map((currency) => byKey.get(`${period}|${currency}`) ?? { period, currency, volume: 0, fees: 0, count: 0 }),
  );
}
