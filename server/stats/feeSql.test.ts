// The SQL rate (feeSql.ts) prices every payment like computeFee on both engines: at and next to
// every tier boundary of every currency, for every card brand (none and unknown ones included),
// and where rounding lands on exactly half a minor unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCY_EXPONENTS } from '../../shared/currencies.ts';
import { INTERCHANGE_BPS, computeFee, fixedFee, tierFloorsMinor, type PlanPricing } from '../../shared/fees.ts';
import { createTestDb, ENGINES, type TestDb } from '../test/harness.ts';
import { feeBpsSql } from './feeSql.ts';

const PLANS: PlanPricing[] = [
  { plan_type: 'FLAT_RATE', percent_bps: 290, fixed_fee: 30, currency: 'USD' },
  { plan_type: 'TIERED', percent_bps: 310, fixed_fee: 25, currency: 'EUR' },
  { plan_type: 'INTERCHANGE_PLUS', percent_bps: 45, fixed_fee: 10, currency: 'USD' },
];
const BRANDS = [...Object.keys(INTERCHANGE_BPS), null, 'unionpay'];

function cases() {
  const rows: Array<{ amount: number; currency: string; card_brand: string | null }> = [];
  for (const currency of [...Object.keys(CURRENCY_EXPONENTS), 'XXX']) {
    const amounts = new Set([1, 50, 5_000, 10_001, 12_345_678]);
    for (const floor of tierFloorsMinor(currency)) for (const d of [-1, 0, 1]) if (floor + d > 0) amounts.add(floor + d);
    // × 290 / 10000 = 14.5, 43.5, 72.5: exactly half a minor unit, rounded up.
    amounts.add(500).add(1_500).add(2_500);
    for (const amount of amounts) for (const card_brand of BRANDS) rows.push({ amount, currency, card_brand });
  }
  return rows;
}

describe.each(ENGINES)('feeBpsSql on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await t.db.schema.createTable('fee_cases', (table) => {
      table.increments('id');
      table.bigInteger('amount').notNullable();
      table.string('currency').notNullable();
      table.string('card_brand');
    });
    await t.db.batchInsert('fee_cases', cases(), 500);
  });
  afterAll(() => t.drop());

  it.each(PLANS.map((p) => [p.plan_type, p] as const))('%s: rounds each payment like computeFee', async (_name, plan) => {
    const rows = await t.db('fee_cases')
      .select('amount', 'currency', 'card_brand', t.db.raw(`round((amount * ${feeBpsSql(plan)}) / 10000.0) as fee`))
      .orderBy('id');
    expect(rows.length).toBeGreaterThan(1_000);
    const got = rows.map((r: { amount: unknown; currency: string; card_brand: string; fee: unknown }) => ({ ...r, amount: Number(r.amount), fee: Number(r.fee) + fixedFee(plan, r.currency) }));
    expect(got).toEqual(got.map((r) => ({ ...r, fee: computeFee(plan, r) })));
  });
});
