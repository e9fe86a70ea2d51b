// GET /api/stats/plans: captured volume and fees per processing plan and currency, over the
// merchants currently on each plan.
import type { PlanRow } from '../../shared/api/stats.ts';
import type { Db } from '../db/connect.ts';
import { capturedDaily, totalsOf } from './capturedDaily.ts';

export type { PlanRow };


export const effectiveBps = (fees: number, volume: number): number =>
  volume === 0 ? 0 : Math.round((fees * 10_000) / volume);

export async function statsByPlan(db: Db, f: { from: string; to: string; currency?: string }): Promise<PlanRow[]> {
  const [sums, plans, onPlan] = await Promise.all([
    db
      .from(capturedDaily(db, { ...f, byMerchant: true }).as('d'))
      .join('merchants as m', 'm.id', 'd.merchant_id')
      .select('m.plan_id', 'd.currency')
      .countDistinct({ merchants: 'd.merchant_id' })
      .sum({ volume: 'd.volume' })
      .sum({ fees: 'd.fees' })
      .sum({ count: 'd.count' })
      .groupBy('m.plan_id', 'd.currency'),
    db('plans').select('id', 'name', 'plan_type', 'currency').orderBy('id'),
    db('merchants').select('plan_id').count({ n: '*' }).groupBy('plan_id'),
  ]);
  const onPlanCount = new Map(onPlan.map((r) => [r.plan_id, Number(r.n)]));
  return plans.flatMap((p) => {
    const base = { plan_id: p.id, name: p.name, plan_type: p.plan_type, merchants_on_plan: onPlanCount.get(p.id) ?? 0 };
    const rows = sums
      .filter((s: Record<string, unknown>) => s.plan_id === p.id)
      .map((s) => ({ ...base, currency: String(s.currency), merchants: Number(s.merchants), ...totalsOf(s) }))
      .sort((a, b) => a.currency.localeCompare(b.currency));
    // A plan without volume still appears (in its own currency, or the one asked for), so a
    // chart shows every plan.
    const list = rows.length ? rows : [{ ...base, currency: f.currency ?? p.currency, merchants: 0, volume: 0, fees: 0, count: 0 }];
    return list.map((r) => ({ ...r, effective_bps: effectiveBps(r.fees, r.volume) }));
  });
}
