// payment_daily_totals is kept by triggers (migrations/20261123_02_stats_daily_totals.ts). This
// refills it from the payments, for whoever loads payments with those triggers set aside (a bulk
// loader that drops and recreates them around a load, say): call it, in the same transaction,
// once the rows are in.
import type { Knex } from 'knex';
import { DAILY_TOTALS } from './capturedDaily.ts';

export async function rebuildDailyTotals(trx: Knex | Knex.Transaction): Promise<void> {
  await trx(DAILY_TOTALS).delete();
  await trx.raw(
    `insert into ${DAILY_TOTALS} (captured_day, currency, merchant_id, volume, fees, count)
     select substr(captured_at, 1, 10), currency, merchant_id, sum(amount), sum(fee_amount), count(*)
       from payments where status = 'captured' and captured_at is not null
      group by substr(captured_at, 1, 10), currency, merchant_id`,
  );
}
