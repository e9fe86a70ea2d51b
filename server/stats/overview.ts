// GET /api/stats/overview: the dashboard's morning numbers, as of the app clock's UTC day.
import type { Db } from '../db/connect.ts';
import { addDays, utcDay } from './buckets.ts';
import { capturedDaily, totalsOf, type Totals } from './capturedDaily.ts';

const AWAITING_APPROVAL = ['pending', 'pending_second_approval'] as const;
/** "Due within 72 h": response due today or in the next three days. */
const DUE_SOON_DAYS = 3;
const DUE_SOON_LIST = 10;

export interface Rate {
  /** Events in the window: succeeded refunds, or disputes opened. */
  events: number;
  /** Payments captured in the window. */
  payments: number;
  /** events / payments as a fraction (0.0123 = 1.23 %); 0 when nothing was captured. */
  rate: number;
}

export async function overview(db: Db, now: Date) {
  const today = utcDay(now);
  const from30 = addDays(today, -29);
  const windowStart = `${from30}T00:00:00.000Z`;
  const windowEnd = `${addDays(today, 1)}T00:00:00.000Z`;
  const dueBy = addDays(today, DUE_SOON_DAYS);

  const perCurrency = async (from: string) => {
    const rows = await db
      .from(capturedDaily(db, { from, to: today }).as('d'))
      .select('d.currency')
      .sum({ volume: 'd.volume' })
      .sum({ fees: 'd.fees' })
      .sum({ count: 'd.count' })
      .groupBy('d.currency')
      .orderBy('d.currency');
    return rows.map((r: any) => ({ currency: String(r.currency), ...totalsOf(r) }));
  };
  const count = async (qb: any) => Number((await qb.count({ n: '*' }).first())?.n ?? 0);

  const [volumeToday, volume30d, refunds, disputes, payouts, dueSoonCount, dueSoon, overdue] = await Promise.all([
    perCurrency(today),
    perCurrency(from30),
    count(db('refunds').where('status', 'succeeded').where('created_at', '>=', windowStart).where('created_at', '<', windowEnd)),
    count(db('disputes').where('created_at', '>=', windowStart).where('created_at', '<', windowEnd)),
    db('payouts')
      .select('status', 'currency')
      .count({ count: '*' })
      .sum({ amount: 'amount' })
      .whereIn('status', AWAITING_APPROVAL)
      .groupBy('status', 'currency'),
    count(db('disputes').where('status', 'needs_response').whereBetween('response_due_date', [today, dueBy])),
    db('disputes')
      .select('id', 'merchant_id', 'payment_id', 'amount', 'currency', 'reason', 'response_due_date', 'assignee_id')
      .where('status', 'needs_response')
      .whereBetween('response_due_date', [today, dueBy])
      .orderBy([{ column: 'response_due_date' }, { column: 'id' }])
      .limit(DUE_SOON_LIST),
    count(db('disputes').where('status', 'needs_response').where('response_due_date', '<', today)),
  ]);

  const captured30d = volume30d.reduce((n, r) => n + r.count, 0);
  const rate = (events: number): Rate => ({ events, payments: captured30d, rate: captured30d ? events / captured30d : 0 });

  const awaiting = new Map<string, { currency: string; count: number; amount: number }>();
  const byStatus = Object.fromEntries(AWAITING_APPROVAL.map((s) => [s, 0])) as Record<string, number>;
  for (const p of payouts as any[]) {
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
    payouts_awaiting_approval: {
      count: byStatus.pending + byStatus.pending_second_approval,
      by_status: byStatus,
      by_currency: [...awaiting.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    },
    disputes_due_soon: {
      from: today,
      to: dueBy,
      count: dueSoonCount,
      overdue: overdue,
      soonest: dueSoon.map((d: any) => ({ ...d, amount: Number(d.amount) })),
    },
  };
}
