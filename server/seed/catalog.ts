// Fixed vocabularies the demo data is drawn from.
import type { PlanType } from '../../shared/enums.ts';

export const PLAN_CATALOG: Array<{ name: string; plan_type: PlanType; percent_bps: number; fixed_fee: number; currency: string }> = [
  { name: 'Starter Flat', plan_type: 'FLAT_RATE', percent_bps: 290, fixed_fee: 30, currency: 'USD' },
  { name: 'Growth Flat', plan_type: 'FLAT_RATE', percent_bps: 250, fixed_fee: 25, currency: 'USD' },
  { name: 'Interchange+ Pro', plan_type: 'INTERCHANGE_PLUS', percent_bps: 40, fixed_fee: 10, currency: 'USD' },
  { name: 'Interchange+ Europe', plan_type: 'INTERCHANGE_PLUS', percent_bps: 30, fixed_fee: 10, currency: 'EUR' },
  { name: 'Tiered LatAm', plan_type: 'TIERED', percent_bps: 349, fixed_fee: 200, currency: 'MXN' },
  { name: 'Tiered Brasil', plan_type: 'TIERED', percent_bps: 399, fixed_fee: 50, currency: 'BRL' },
  { name: 'Japan Flat', plan_type: 'FLAT_RATE', percent_bps: 325, fixed_fee: 0, currency: 'JPY' },
];

export const CURRENCY_PROFILE: Record<string, { countries: string[]; min: number; max: number; plans: number[] }> = {
  USD: { countries: ['US'], min: 300, max: 60_000, plans: [0, 1, 2] },
  EUR: { countries: ['DE', 'ES', 'FR', 'PT', 'NL'], min: 300, max: 50_000, plans: [1, 3] },
  GBP: { countries: ['GB'], min: 300, max: 40_000, plans: [1, 3] },
  MXN: { countries: ['MX'], min: 5_000, max: 900_000, plans: [4, 0] },
  BRL: { countries: ['BR'], min: 1_000, max: 250_000, plans: [5] },
  JPY: { countries: ['JP'], min: 300, max: 80_000, plans: [6] },
};

export const MERCHANT_CURRENCIES: Array<readonly [string, number]> = [
  ['USD', 16], ['EUR', 10], ['MXN', 8], ['BRL', 7], ['GBP', 5], ['JPY', 4],
];

export const NAME_PARTS = {
  first: ['Blue', 'Golden', 'Urban', 'Coastal', 'Nordic', 'Sunny', 'Silver', 'Green', 'Little', 'Grand', 'Swift', 'Royal', 'Happy', 'Wild', 'Quiet'],
  second: ['Harbor', 'Market', 'Bakery', 'Outfitters', 'Books', 'Coffee', 'Electronics', 'Garden', 'Studio', 'Pharmacy', 'Cycles', 'Kitchen', 'Threads', 'Travel', 'Games'],
};

export const CUSTOMER_NAMES = ['ana', 'bruno', 'carla', 'diego', 'emma', 'felipe', 'grace', 'hiro', 'isabel', 'joao', 'kenji', 'laura', 'mateo', 'nina', 'oliver', 'paula', 'quinn', 'rafael', 'sofia', 'tomas', 'yuki', 'zoe'];
export const EMAIL_DOMAINS = ['example.com', 'mail.test', 'inbox.test', 'correo.test', 'post.test'];

/** Every decline code of the processor's table, the common ones often; each only where it fits (below). */
export const DECLINE_WEIGHTS: Array<readonly [string, number]> = [
  ['3000', 30], ['3001', 20], ['3002', 8], ['3003', 6], ['3004', 7], ['3005', 2], ['3006', 2], ['3007', 6], ['3008', 1],
  ['3009', 4], ['3010', 5], ['3011', 1], ['3012', 1], ['3013', 2], ['3014', 1], ['3015', 2], ['3016', 3], ['3017', 1],
  ['3018', 1], ['3019', 1], ['3020', 3], ['3021', 1], ['3022', 2], ['3023', 2], ['3024', 1], ['3025', 1], ['3026', 3],
];

/**
 * Amount limits decline the big baskets of their currency, the minimum the smallest ones; the
 * card's scheme and entry mode are shared/declineCodes.ts#declineFits.
 */
export function declineFitsAmount(code: string, amount: number, profile: { min: number; max: number }): boolean {
  if (code === '3006' || code === '3014') return amount >= profile.max / 4;
  if (code === '3020') return amount <= profile.min * 5;
  return true;
}

export const DISPUTE_CODES: Array<readonly [string, number]> = [
  ['10.4', 30], ['13.1', 20], ['13.3', 15], ['12.6', 8], ['13.7', 7], ['4837', 10], ['4853', 6], ['4834', 4],
];
