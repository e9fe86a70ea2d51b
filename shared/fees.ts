// How a processing plan prices a payment. One function, used by the seed, the API's plan
// comparisons and the SPA's explanations, so a fee is computed the same way everywhere.
import { toMajorUnits } from './currencies.ts';
import type { PlanType } from './enums.ts';

export interface PlanPricing {
  plan_type: PlanType;
  percent_bps: number;
  fixed_fee: number;
  currency: string;
}

/** Fixed per-transaction fee in each currency's minor unit, for plans priced in another one. */
export const FIXED_FEE_BY_CURRENCY: Record<string, number> = {
  USD: 30, EUR: 25, GBP: 20, MXN: 300, BRL: 100, JPY: 40,
};

/** Interchange by card brand (bps) for INTERCHANGE_PLUS plans. */
export const INTERCHANGE_BPS: Record<string, number> = {
  visa: 150, mastercard: 160, amex: 250, elo: 180, discover: 170, jcb: 190,
};

/** TIERED plans charge their base rate up to the first tier and less above it (bps discount). */
const TIER_DISCOUNT_BPS = [
  { fromMajor: 0, discount: 0 },
  { fromMajor: 100, discount: 30 },
  { fromMajor: 1000, discount: 60 },
];

// Tiers are set in dollar-like major units; yen amounts are scaled so ¥10,000 ≈ 100 units.
const TIER_SCALE: Record<string, number> = { JPY: 100, MXN: 20, BRL: 5 };

function tierUnits(amount: number, currency: string): number {
  return toMajorUnits(amount, currency) / (TIER_SCALE[currency] ?? 1);
}

export function computeFee(
  plan: PlanPricing,
  payment: { amount: number; currency: string; card_brand?: string | null },
): number {
  let bps = plan.percent_bps;
  if (plan.plan_type === 'INTERCHANGE_PLUS') bps += INTERCHANGE_BPS[payment.card_brand ?? 'visa'] ?? 150;
  if (plan.plan_type === 'TIERED') {
    const major = tierUnits(payment.amount, payment.currency);
    const tier = [...TIER_DISCOUNT_BPS].reverse().find((t) => major >= t.fromMajor)!;
    bps -= tier.discount;
  }
  const fixed = payment.currency === plan.currency ? plan.fixed_fee : (FIXED_FEE_BY_CURRENCY[payment.currency] ?? plan.fixed_fee);
  return Math.round((payment.amount * bps) / 10_000) + fixed;
}
