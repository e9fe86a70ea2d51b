// A plan's fee rate as a SQL expression over a payments row, built from shared/fees.ts (the same
// tables and the same feeBps/tierOf boundaries computeFee prices with), so a database can add up
// what a whole window of payments would have cost on a plan in one pass:
//   sum(round(amount * <rate> / 10000.0)) + count × fixedFee(plan, currency)
// is computeFee summed payment by payment. Both engines round half away from zero, which for
// positive amounts is Math.round; an exact .5 is exactly representable, so SQLite's doubles and
// PostgreSQL's numerics land on the same integers (feeSql.test.ts checks every tier boundary,
// brand and half-unit case against computeFee; stats.api.test.ts the whole comparison).
import { CURRENCY_EXPONENTS } from '../../shared/currencies.ts';
import { INTERCHANGE_BPS, TIER_COUNT, feeBps, tierFloorsMinor, type PlanPricing } from '../../shared/fees.ts';

const TIERS = Array.from({ length: TIER_COUNT }, (_, t) => t);
/** A brand no table knows: priced like computeFee prices one. */
const UNKNOWN_BRAND = '\u0000';

// Only integers and identifiers from our own tables are written into the SQL; a value that is
// not one is a programming error, never input.
function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}
function literal(s: string): string {
  if (!/^[A-Za-z_]+$/.test(s)) throw new Error(`not a plain name: ${s}`);
  return `'${s}'`;
}

/** `case` over values that may all be the same: then just the value. */
function choose(subject: string, arms: Array<[string, string]>, otherwise: string): string {
  if (arms.every(([, v]) => v === otherwise)) return otherwise;
  return `(case ${subject} ${arms.map(([w, v]) => `when ${w} then ${v}`).join(' ')} else ${otherwise} end)`;
}

function tierOfCurrency(currency: string): string {
  const floors = tierFloorsMinor(currency);
  const arms = TIERS.slice(1).reverse().map((t) => `when amount >= ${int(floors[t])} then ${t}`);
  return `(case ${arms.join(' ')} else 0 end)`;
}

/** The amount's tier, with each currency's boundaries (the default ones for any other). */
const TIER_SQL = choose(
  'currency',
  Object.keys(CURRENCY_EXPONENTS).map((c) => [literal(c), tierOfCurrency(c)]),
  tierOfCurrency('XXX'),
);

/** The rate (bps) `plan` charges the payment in the row. */
export function feeBpsSql(plan: PlanPricing): string {
  const byTier = (brand: string | null) => {
    const rates = TIERS.map((t) => int(feeBps(plan, brand, t)));
    return choose(TIER_SQL, rates.slice(1).map((r, i) => [String(i + 1), r]), rates[0]);
  };
  const brands = Object.keys(INTERCHANGE_BPS);
  const otherwise = byTier(UNKNOWN_BRAND);
  const arms: Array<[string, string]> = [['card_brand is null', byTier(null)], ...brands.map((b): [string, string] => [`card_brand = ${literal(b)}`, byTier(b)])];
  return choose('', arms, otherwise);
}

/** sum(round(amount × rate / 10000)): the percentage part of the plan's fees over the rows. */
export function percentFeesSql(plan: PlanPricing): string {
  return `sum(round((amount * ${feeBpsSql(plan)}) / 10000.0))`;
}
