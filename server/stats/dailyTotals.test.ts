// payment_daily_totals stays equal to the captured payments grouped by (day, currency, merchant)
// through every kind of write, on each engine: bulk inserts, captures, changes to amount, fee,
// day, currency or merchant, un-captures, unrelated updates, deletes — and the migration fills it
// from existing payments (rolled back and forward again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationSource } from '../../migrations/index.ts';
import type { PaymentStatus } from '../../shared/enums.ts';
import { newId } from '../../shared/ids.ts';
import type { PaymentRow } from '../db/tables.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { DAILY_TOTALS } from './capturedDaily.ts';
import { rebuildDailyTotals } from './dailyTotals.ts';

describe.each(ENGINES)('payment_daily_totals on %s', (engine) => {
  let t: TestApp;
  let merchants: string[];
  let intentId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 600 });
    merchants = (await t.db('merchants').select('id').orderBy('id').limit(3)).map((m) => m.id);
    intentId = (await t.db('intents').first('id'))!.id;
  });
  afterAll(() => t.drop());

  /** The oracle: every captured payment, summed here in JS. */
  async function expected() {
    const rows = await t.db('payments').select('status', 'captured_at', 'currency', 'merchant_id', 'amount', 'fee_amount');
    const m = new Map<string, { volume: number; fees: number; count: number }>();
    for (const p of rows) {
      if (p.status !== 'captured' || !p.captured_at) continue;
      const key = `${p.captured_at.slice(0, 10)}|${p.currency}|${p.merchant_id}`;
      const e = m.get(key) ?? { volume: 0, fees: 0, count: 0 };
      e.volume += Number(p.amount);
      e.fees += Number(p.fee_amount);
      e.count += 1;
      m.set(key, e);
    }
    return Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  async function actual() {
    const rows = await t.db(DAILY_TOTALS).select('*');
    return Object.fromEntries(
      rows
        .map((r) => [`${r.captured_day}|${r.currency}|${r.merchant_id}`, { volume: Number(r.volume), fees: Number(r.fees), count: Number(r.count) }] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  }

  const payment = (i: number, over: Partial<PaymentRow> = {}) => ({
    id: newId('payment', Date.parse('2026-11-10T00:00:00Z') + i), intent_id: intentId, merchant_id: merchants[i % 3],
    amount: 1000 + i, currency: i % 2 ? 'JPY' : 'USD', status: 'captured' as PaymentStatus, entry_mode: 'ecommerce' as const, card_brand: 'visa',
    card_last4: '4242', fee_amount: 30 + i, net_amount: 970, amount_refunded: 0, settlement_status: 'unsettled' as const,
    captured_at: `2026-11-${String(10 + (i % 5)).padStart(2, '0')}T23:59:59.999Z`, created_at: '2026-11-10T00:00:00.000Z',
    updated_at: '2026-11-10T00:00:00.000Z', ...over,
  });

  it('matches after the seed', async () => {
    expect(Object.keys(await actual()).length).toBeGreaterThan(0);
    expect(await actual()).toEqual(await expected());
  });

  it('follows every kind of write', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => payment(i, i % 7 === 0 ? { status: 'uncaptured', captured_at: null } : {}));
    await t.db('payments').insert(rows); // one multi-row statement
    expect(await actual()).toEqual(await expected());

    const steps: Array<[string, () => Promise<unknown>]> = [
      ['capture', () => t.db('payments').where('id', rows[0].id).update({ status: 'captured', captured_at: '2026-11-20T08:00:00.000Z' })],
      ['amount and fee', () => t.db('payments').where('id', rows[1].id).update({ amount: 99_999, fee_amount: 1 })],
      ['day', () => t.db('payments').where('id', rows[2].id).update({ captured_at: '2026-11-01T00:00:00.000Z' })],
      ['currency', () => t.db('payments').where('id', rows[3].id).update({ currency: 'BHD' })],
      ['merchant', () => t.db('payments').where('id', rows[4].id).update({ merchant_id: merchants[2] })],
      ['un-capture', () => t.db('payments').where('id', rows[5].id).update({ status: 'failed' })],
      ['unrelated column', () => t.db('payments').where('id', rows[6].id).update({ amount_refunded: 500, settlement_status: 'settled' })],
      ['bulk update', () => t.db('payments').whereIn('id', rows.slice(10, 20).map((r) => r.id)).update({ fee_amount: 0 })],
      ['delete one', () => t.db('payments').where('id', rows[8].id).delete()],
      ['bulk delete', () => t.db('payments').whereIn('id', rows.slice(20).map((r) => r.id)).delete()],
      ['in a rolled-back transaction', () => t.db.transaction(async (trx) => {
        await trx('payments').where('id', rows[9].id).update({ amount: 1 });
        throw new Error('rollback');
      }).catch(() => undefined)],
    ];
    for (const [name, step] of steps) {
      await step();
      expect({ step: name, totals: await actual() }).toEqual({ step: name, totals: await expected() });
    }
  });

  it('leaves no empty rows behind', async () => {
    const ids = (await t.db('payments').where('merchant_id', merchants[1]).where('captured_at', '>=', '2026-11-10').select('id')).map((r) => r.id);
    await t.db('payments').whereIn('id', ids).update({ status: 'cancelled' });
    expect(await t.db(DAILY_TOTALS).where('count', '<=', 0).select('*')).toEqual([]);
    expect(await actual()).toEqual(await expected());
  });

  it('rebuildDailyTotals refills it from the payments', async () => {
    const before = await actual();
    await t.db(DAILY_TOTALS).where('merchant_id', merchants[0]).delete(); // as after a load without triggers
    await t.db(DAILY_TOTALS).limit(1).update({ volume: 1 });
    expect(await actual()).not.toEqual(before);
    await t.db.transaction((trx) => rebuildDailyTotals(trx));
    expect(await actual()).toEqual(await expected());
  });

  it('leaves the columns it counts free to change type later (no column named in a PostgreSQL trigger)', async () => {
    if (engine === 'pg') {
      for (const [column, type] of [['merchant_id', 'varchar(40)'], ['currency', 'varchar(3)'], ['captured_at', 'varchar(24)']]) {
        await t.db.raw(`alter table payments alter column ?? type ${type} collate "C"`, [column]);
      }
    }
    await t.db('payments').insert(payment(77));
    expect(await actual()).toEqual(await expected());
  });

  it('is rebuilt from the payments by its migration', async () => {
    // By name: later migrations (list indexes, text collation) come after this one.
    await t.db.migrate.down({ migrationSource, name: '20261123_02_stats_daily_totals' });
    expect(await t.db.schema.hasTable(DAILY_TOTALS)).toBe(false);
    await t.db.migrate.latest({ migrationSource });
    expect(await actual()).toEqual(await expected());
    // …and the triggers are back.
    await t.db('payments').insert(payment(99));
    expect(await actual()).toEqual(await expected());
  });
});
