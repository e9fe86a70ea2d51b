// GET /api/stats/overview: the dashboard's morning numbers, as of the app clock's UTC day. The
// work-list counts (payouts to approve, disputes due soon, …) are counted by the list engine
// from the filters of shared/workLists.ts, the same filters the dashboard links to.
import type { Overview, Rate } from '../../shared/api/stats.ts';
import { addDays, dayStart, utcDay } from '../../shared/days.ts';
import { OPEN_PAYOUT_STATUSES } from '../../shared/enums.ts';
import { DUE_SOON_DAYS, workLists } from '../../shared/workLists.ts';
import type { Knex } from 'knex';
import type { Db } from '../db/connect.ts';
import type { DisputeRow } from '../db/tables.ts';
import { capturedDaily, totalsOf, type Totals } from './capturedDaily.ts';
import { countWorkLists, readWorkList } from './workLists.ts';

type DueSoonField = 'id' | 'merchant_id' | 'payment_id' | 'amount' | 'currency' | 'reason_code' | 'reason' | 'response_due_date' | 'assignee_id';

/** How many of the disputes due soon the overview lists (overdue ones first). */
const DUE_SOON_LIST = 10;


export async function overview(db: Db, now: Date): Promise<Overview> {
  const today = utcDay(now);
  const from30 = addDays(today, -29);
  const windowStart = dayStart(from30);
  const windowEnd = dayStart(addDays(today, 1));
  const lists = workLists(today);

  const perCurrency = async (from: string) => {
    const rows = await db
      .from(capturedDaily(db, { from, to: today }).as('d'))
      .select('d.currency')
      .sum({ volume: 'd.volume' })
      .sum({ fees: 'd.fees' })
      .sum({ count: 'd.count' })
      .groupBy('d.currency')
      .orderBy('d.currency');
    return rows.map((r: Record<string, unknown>) => ({ currency: String(r.currency), ...totalsOf(r) }));
  };
  const count = async (qb: Knex.QueryBuilder) => Number((await qb.count({ n: '*' }).first())?.n ?? 0);

  const [volumeToday, volume30d, refunds, disputes, payouts, work, dueSoon] = await Promise.all([
    perCurrency(today),
    perCurrency(from30),
    count(db('refunds').where('status', 'succeeded').where('created_at', '>=', windowStart).where('created_at', '<', windowEnd)),
    count(db('disputes').where('created_at', '>=', windowStart).where('created_at', '<', windowEnd)),
    db('payouts')
      .select('status', 'currency')
      .count({ count: '*' })
      .sum({ amount: 'amount' })
      .whereIn('status', OPEN_PAYOUT_STATUSES)
      .groupBy('status', 'currency'),
    countWorkLists(db, lists),
    readWorkList(db, lists.disputes_due_soon, DUE_SOON_LIST),
  ]);

  const captured30d = volume30d.reduce((n, r) => n + r.count, 0);
  const rate = (events: number): Rate => ({ events, payments: captured30d, rate: captured30d ? events / captured30d : 0 });

  const awaiting = new Map<string, { currency: string; count: number; amount: number }>();
  const byStatus = Object.fromEntries(OPEN_PAYOUT_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const p of payouts) {
    const c = awaiting.get(p.currency) ?? { currency: p.currency, count: 0, amount: 0 };
    c.count += Number(p.count);
    c.amount += Number(p.amount);
    awaiting.set(p.currency, c);
    byStatus[p.status] += Number(p.count);
  }

  return {
    as_of: now.toISOString(),
    today,
    window: { from: from30, to: today },
    volume_today: volumeToday as Array<Totals & { currency: string }>,
    volume_30d: volume30d as Array<Totals & { currency: string }>,
    refund_rate: rate(refunds),
    dispute_rate: rate(disputes),
    work,
    payouts_awaiting_approval: {
      count: work.payouts_to_approve.count,
      by_status: byStatus,
      by_currency: [...awaiting.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    },
    disputes_due_soon: {
      to: addDays(today, DUE_SOON_DAYS),
      count: work.disputes_due_soon.count,
      overdue: work.disputes_overdue.count,
      // The disputes list's records are its rows (disputes/definition.ts has no toRecord).
      soonest: (dueSoon as Array<Pick<DisputeRow, DueSoonField>>).map((d) => ({
        id: d.id, merchant_id: d.merchant_id, payment_id: d.payment_id, amount: Number(d.amount), currency: d.currency,
        reason_code: d.reason_code, reason: d.reason, response_due_date: d.response_due_date, assignee_id: d.assignee_id,
      })),
    },
  };
}
