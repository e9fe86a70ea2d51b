// The demo's declines are internally consistent: a code only where it can happen (a Visa decline
// only on a Visa card, 3-D Secure only online, an amount limit only on a big basket), and every
// code of the processor's table shows up in the demo's 20,000 payments. Run on the generator
// alone (no database): the same rows the seed writes.
import { describe, expect, it } from 'vitest';
import { DECLINE_CODES, declineFits } from '../../shared/declineCodes.ts';
import type { Row, RowSink } from './bulkLoad.ts';
import { CURRENCY_PROFILE, declineFitsAmount } from './catalog.ts';
import { generateDemo } from './generateDemo.ts';
import { createRng, rngState } from './random.ts';

async function failedPayments(payments: number): Promise<Row[]> {
  const failed: Row[] = [];
  const sink: RowSink = {
    counts: {},
    add: (table, row) => {
      if (table === 'payments' && row.status === 'failed') failed.push(row);
    },
    addValues: () => {},
    drain: async () => {},
    flush: async () => {},
  };
  const end = Date.parse('2026-11-21T12:00:00Z');
  await generateDemo(sink, {
    payments, merchants: 50, dual: 1_000_000, start: end - 180 * 86_400_000, end, operatorId: null, supportIds: [],
    adminId: null, admin2Id: null, rngState: rngState(createRng(42)),
  }, () => {});
  return failed;
}

describe('the demo\'s declines', () => {
  it('fit the card, the way it was entered and the amount, and use every code of the table', async () => {
    const failed = await failedPayments(20_000);
    expect(failed.length).toBeGreaterThan(1500);
    const misfits = failed.filter((p) => !declineFits(String(p.decline_code), { card_brand: String(p.card_brand), entry_mode: String(p.entry_mode) })
      || !declineFitsAmount(String(p.decline_code), Number(p.amount), CURRENCY_PROFILE[String(p.currency)]));
    expect(misfits).toEqual([]);
    const brandsOf = (code: string) => new Set(failed.filter((p) => p.decline_code === code).map((p) => p.card_brand));
    expect(brandsOf('3016')).toEqual(new Set(['visa']));
    expect(brandsOf('3026')).toEqual(new Set(['mastercard']));
    expect(new Set(failed.filter((p) => p.decline_code === '3003').map((p) => p.entry_mode))).toEqual(new Set(['ecommerce']));
    expect(new Set(failed.map((p) => p.decline_code))).toEqual(new Set(Object.keys(DECLINE_CODES)));
    for (const p of failed) expect(p.decline_reason).toBe(DECLINE_CODES[String(p.decline_code)]);
  });
});
