// Test fixtures for stats, exports and reports: a merchant on its own plan with payments placed
// exactly where bucketing can go wrong (the last and first millisecond of weeks and months),
// in a three-decimal and a zero-decimal currency, plus rows that must be left out.
import type { PaymentStatus } from '../../shared/enums.ts';
import { newId } from '../../shared/ids.ts';
import type { Db } from '../db/connect.ts';

export const EDGE = {
  planId: 'plan_01TESTEDGE0000000000000000',
  merchantId: 'mer_01TESTEDGE0000000000000000',
  intentId: 'pi_01TESTEDGE0000000000000000',
};

const at = (iso: string) => Date.parse(iso);

export async function insertEdgeFixtures(db: Db): Promise<void> {
  const created = '2026-01-01T00:00:00.000Z';
  await db('plans').insert({
    id: EDGE.planId, name: 'Gulf Flat', plan_type: 'FLAT_RATE', percent_bps: 275, fixed_fee: 100, currency: 'BHD', created_at: created,
  });
  await db('merchants').insert({
    id: EDGE.merchantId, name: 'Edge Case Trading', email: 'edge@x.test', country: 'BH', default_currency: 'BHD',
    status: 'active', plan_id: EDGE.planId, created_at: created, updated_at: created,
  });
  await db('intents').insert({
    id: EDGE.intentId, merchant_id: EDGE.merchantId, amount: 1, currency: 'BHD', status: 'captured',
    capture_method: 'manual', created_at: created, updated_at: created,
  });
  const payments: Array<[string, number, number, PaymentStatus, string | null, string]> = [
    // currency, amount, fee, status, captured_at, created_at
    ['BHD', 1500, 141, 'captured', '2026-11-15T23:59:59.999Z', '2026-11-15T23:00:00.000Z'], // Sunday: week of 11-09
    ['BHD', 2750, 176, 'captured', '2026-11-16T00:00:00.000Z', '2026-11-15T23:30:00.000Z'], // Monday: created the day before
    ['BHD', 1, 100, 'captured', '2026-10-31T23:59:59.999Z', '2026-10-31T20:00:00.000Z'], // month edge
    ['BHD', 999_999, 27_600, 'captured', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    ['JPY', 500, 56, 'captured', '2026-11-16T00:00:00.000Z', '2026-11-16T00:00:00.000Z'],
    ['JPY', 123_457, 3_535, 'captured', '2026-11-21T23:59:59.999Z', '2026-11-21T08:00:00.000Z'], // today, last ms
    ['BHD', 777, 0, 'failed', null, '2026-11-16T10:00:00.000Z'], // never captured: left out
    ['BHD', 888, 0, 'uncaptured', null, '2026-11-16T11:00:00.000Z'],
  ];
  await db('payments').insert(
    payments.map(([currency, amount, fee, status, capturedAt, createdAt]) => ({
      id: newId('payment', at(createdAt)), intent_id: EDGE.intentId, merchant_id: EDGE.merchantId, amount, currency, status,
      entry_mode: 'card_present' as const, card_brand: 'visa', card_last4: '0001', fee_amount: fee,
      net_amount: status === 'captured' ? amount - fee : 0, amount_refunded: 0, settlement_status: 'unsettled',
      captured_at: capturedAt, created_at: createdAt, updated_at: capturedAt ?? createdAt,
    })),
  );
}
