// GET /api/stats/plan-comparison: what a merchant's captured payments of the last N days (90 by
// default) would have cost on every plan, next to what it was actually charged.
//
// Exact to the minor unit, as if every payment were priced by shared/fees.ts computeFee: the
// database adds up, per currency, each plan's percentage fees with the same rates and tier
// boundaries (feeSql.ts builds them from shared/fees.ts) in one pass over the merchant's window
// — read from a covering index (payments_stats_merchant_captured) — and the fixed part is the
// count times the plan's fixed fee. A busy merchant's 90 days are tens of thousands of payments
// whose amounts are nearly all different; shipping them to the server to price one by one
// cost more than the rest of the request.
import type { CurrencyCost, PlanComparison, PlanCost } from '../../shared/api/stats.ts';
import { fixedFee } from '../../shared/fees.ts';
import type { Db } from '../db/connect.ts';
import { notFound } from '../errors.ts';
import { addDays, dayStart } from '../../shared/days.ts';
import { percentFeesSql } from './feeSql.ts';
import { effectiveBps } from './plans.ts';




export async function comparePlans(db: Db, merchantId: string, days: number, today: string): Promise<PlanComparison> {
  const merchant = await db('merchants').where('id', merchantId).first('id', 'plan_id');
  if (!merchant) throw notFound(`No merchants record with id "${merchantId}"`);
  const from = addDays(today, -(days - 1));
  const plans = (await db('plans').select('id', 'name', 'plan_type', 'percent_bps', 'fixed_fee', 'currency').orderBy('id'))
    .map((plan) => ({ ...plan, percent_bps: Number(plan.percent_bps), fixed_fee: Number(plan.fixed_fee) }));
  // A column per plan (plan_0, plan_1, …) beside the sums: more than knex's types follow, so the
  // rows are read by column name.
  const rows = (await db('payments')
    .select('currency')
    .count({ count: '*' })
    .sum({ volume: 'amount', fees: 'fee_amount' })
    .select(plans.map((plan, i) => db.raw(`${percentFeesSql(plan)} as ??`, [`plan_${i}`])))
    .where({ merchant_id: merchantId, status: 'captured' })
    .where('captured_at', '>=', `${from}T00:00:00.000Z`)
    .where('captured_at', '<', dayStart(addDays(today, 1)))
    .groupBy('currency')
    .orderBy('currency')) as unknown as Array<Record<string, unknown>>;

  const actual: CurrencyCost[] = rows.map((r) => {
    const volume = Number(r.volume);
    const fees = Number(r.fees);
    return { currency: String(r.currency), volume, count: Number(r.count), fees, effective_bps: effectiveBps(fees, volume) };
  });
  const planCosts: PlanCost[] = plans.flatMap((plan, i) =>
    rows.map((r, k) => {
      const a = actual[k];
      const fees = Number(r[`plan_${i}`]) + a.count * fixedFee(plan, a.currency);
      return {
        plan_id: plan.id, name: plan.name, plan_type: plan.plan_type, current: plan.id === merchant.plan_id,
        currency: a.currency, volume: a.volume, count: a.count, fees, effective_bps: effectiveBps(fees, a.volume),
        difference: fees - a.fees,
      };
    }),
  );

  return {
    merchant_id: merchant.id, current_plan_id: merchant.plan_id, from, to: today, days,
    actual, plans: planCosts,
  };
}
