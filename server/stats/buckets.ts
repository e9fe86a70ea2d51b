// Calendar buckets for charts, in UTC, identical on SQLite and PostgreSQL. Times are stored as
// fixed-width ISO strings, so a day is the first ten characters on both engines; a week (ISO:
// starting Monday) and a month are derived from that day. Every bucket is labelled by its first
// day, "YYYY-MM-DD", so all intervals chart on the same kind of axis.
import { DAY_MS, dayStartMs, utcDay } from '../../shared/days.ts';
import type { Engine } from '../db/connect.ts';

export { INTERVALS, type Interval } from '../../shared/api/stats.ts';
import type { Interval } from '../../shared/api/stats.ts';

/** SQL for the UTC day ("YYYY-MM-DD") of an ISO-timestamp column. */
export const dayOf = (column: string): string => `substr(${column}, 1, 10)`;

/**
 * SQL turning a "YYYY-MM-DD" text expression into the first day of its bucket. The caller
 * passes trusted SQL (a column or expression it wrote), never user input.
 */
export function bucketSql(engine: Engine, interval: Interval, day: string): string {
  switch (interval) {
    case 'day':
      return day;
    case 'month':
      return `substr(${day}, 1, 7) || '-01'`;
    case 'week':
      // SQLite: forward to the next Sunday (or stay on one), then back six days = that week's Monday.
      // PostgreSQL: isodow is 1 (Monday) … 7 (Sunday); date minus an integer is a date.
      return engine === 'sqlite'
        ? `date(${day}, 'weekday 0', '-6 days')`
        : `to_char(cast(${day} as date) - (extract(isodow from cast(${day} as date))::int - 1), 'YYYY-MM-DD')`;
  }
}

/** The same bucketing in JS, for listing every period of a range (gap filling). */
export function bucketOf(interval: Interval, day: string): string {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const ms = dayStartMs(day);
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return utcDay(ms - sinceMonday * DAY_MS);
}

/** Every bucket label from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(interval: Interval, from: string, to: string): string[] {
  const out: string[] = [];
  const last = bucketOf(interval, to);
  let cur = bucketOf(interval, from);
  while (cur <= last) {
    out.push(cur);
    if (interval === 'month') {
      const d = new Date(dayStartMs(cur));
      cur = utcDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    } else {
      cur = utcDay(dayStartMs(cur) + (interval === 'week' ? 7 : 1) * DAY_MS);
    }
  }
  return out;
}
