// How a processing plan prices a payment. One function, used by the seed, the API's plan
// comparisons and the SPA's explanations, so a fee is computed the same way everywhere.
import { currencyExponent, toMajorUnits } from './currencies.ts';
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

export const TIER_COUNT = TIER_DISCOUNT_BPS.length;

/** The tier (an index into the discount table) a payment of this amount falls in. */
export function tierOf(amount: number, currency: string): number {
  const major = toMajorUnits(amount, currency) / (TIER_SCALE[currency] ?? 1);
  let tier = 0;
  for (let t = 1; t < TIER_COUNT; t++) if (major >= TIER_DISCOUNT_BPS[t].fromMajor) tier = t;
  return tier;
}

/** Where each tier starts, in the currency's minor units: the same boundaries as tierOf. */
export function tierFloorsMinor(currency: string): number[] {
  return TIER_DISCOUNT_BPS.map((t) => t.fromMajor * (TIER_SCALE[currency] ?? 1) * 10 ** currencyExponent(currency));
}

/** The percentage part of a plan's price (bps) for a card brand and an amount tier. */
export function feeBps(plan: PlanPricing, cardBrand: string | null | undefined, tier: number): number {
  let bps = plan.percent_bps;
  if (plan.plan_type === 'INTERCHANGE_PLUS') bps += INTERCHANGE_BPS[cardBrand ?? 'visa'] ?? 150;
  if (plan.plan_type === 'TIERED') bps -= TIER_DISCOUNT_BPS[tier].discount;
  return bps;
}

/** The fixed part of a plan's price for a payment in this currency (minor units). */
export function fixedFee(plan: PlanPricing, currency: string): number {
  return currency === plan.currency ? plan.fixed_fee : (FIXED_FEE_BY_CURRENCY[currency] ?? plan.fixed_fee);
}

/** The fee: the rate on the amount, rounded to the minor unit (half up), plus the fixed part. */
export function computeFee(
  plan: PlanPricing,
  payment: { amount: number; currency: string; card_brand?: string | null },
): number {
  const bps = feeBps(plan, payment.card_brand, tierOf(payment.amount, payment.currency));
  return Math.round((payment.amount * bps) / 10_000) + fixedFee(plan, payment.currency);
}
