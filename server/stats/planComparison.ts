// GET /api/stats/plan-comparison: what a merchant's captured payments of the last N days (90 by
// default) would have cost on every plan, next to what it was actually charged.
//
// Fees are priced by shared/fees.ts computeFee — the one function that charges them — rather
// than re-written in SQL, because a plan's price depends on each payment (tiers by amount,
// interchange by card brand, the fixed fee by currency) and rounds per payment. So this is the
// one stats route that reads payments rather than daily sums: one merchant's window, straight
// from a covering index (payments_stats_merchant_captured). The database groups the payments by
// distinct (currency, card brand, amount) — a few thousand groups for a busy merchant's 90 days,
// not one row per payment — and each combination is priced once per plan, times its count:
// exact to the minor unit.
import type { PlanType } from '../../shared/enums.ts';
import { computeFee } from '../../shared/fees.ts';
import type { Db } from '../db/connect.ts';
import { notFound } from '../http/errors.ts';
import { addDays } from './buckets.ts';
import { effectiveBps } from './plans.ts';

export interface CurrencyCost {
  currency: string;
  volume: number;
  count: number;
  fees: number;
  effective_bps: number;
}

export interface PlanCost extends CurrencyCost {
  plan_id: string;
  name: string;
  plan_type: PlanType;
  current: boolean;
  /** fees on this plan − fees actually charged (negative: this plan would have been cheaper). */
  difference: number;
}

export interface PlanComparison {
  merchant_id: string;
  current_plan_id: string;
  from: string;
  to: string;
  days: number;
  actual: CurrencyCost[];
  plans: PlanCost[];
}

export async function comparePlans(db: Db, merchantId: string, days: number, today: string): Promise<PlanComparison> {
  const merchant = await db('merchants').where('id', merchantId).first('id', 'plan_id');
  if (!merchant) throw notFound(`No merchants record with id "${merchantId}"`);
  const from = addDays(today, -(days - 1));
  const [payments, plans] = await Promise.all([
    db('payments')
      .select('currency', 'card_brand', 'amount')
      .count({ count: '*' })
      .sum({ fees: 'fee_amount' })
      .where({ merchant_id: merchantId, status: 'captured' })
      .where('captured_at', '>=', `${from}T00:00:00.000Z`)
      .where('captured_at', '<', `${addDays(today, 1)}T00:00:00.000Z`)
      .groupBy('currency', 'card_brand', 'amount'),
    db('plans').select('id', 'name', 'plan_type', 'percent_bps', 'fixed_fee', 'currency').orderBy('id'),
  ]);

  const actual = new Map<string, CurrencyCost>();
  const groups = new Map<string, { currency: string; card_brand: string; amount: number; count: number }>();
  for (const p of payments as any[]) {
    const amount = Number(p.amount);
    const count = Number(p.count);
    const c = actual.get(p.currency) ?? { currency: p.currency, volume: 0, count: 0, fees: 0, effective_bps: 0 };
    c.volume += amount * count;
    c.count += count;
    c.fees += Number(p.fees);
    actual.set(p.currency, c);
    groups.set(`${p.currency}|${p.card_brand}|${amount}`, { currency: p.currency, card_brand: p.card_brand, amount, count });
  }
  const currencies = [...actual.keys()].sort();
  for (const c of actual.values()) c.effective_bps = effectiveBps(c.fees, c.volume);

  const planCosts = (plans as any[]).flatMap((plan) => {
    const pricing = { ...plan, percent_bps: Number(plan.percent_bps), fixed_fee: Number(plan.fixed_fee) };
    const fees = new Map<string, number>(currencies.map((c) => [c, 0]));
    for (const g of groups.values()) {
      fees.set(g.currency, fees.get(g.currency)! + computeFee(pricing, g) * g.count);
    }
    return currencies.map((currency) => {
      const a = actual.get(currency)!;
      const f = fees.get(currency)!;
      return {
        plan_id: plan.id, name: plan.name, plan_type: plan.plan_type, current: plan.id === merchant.plan_id,
        currency, volume: a.volume, count: a.count, fees: f, effective_bps: effectiveBps(f, a.volume),
        difference: f - a.fees,
      };
    });
  });

  return {
    merchant_id: merchant.id, current_plan_id: merchant.plan_id, from, to: today, days,
    actual: currencies.map((c) => actual.get(c)!), plans: planCosts,
  };
}
