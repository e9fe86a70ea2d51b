// Stats: captured volume per UTC day, currency and merchant, kept by the database itself.
//
// Charts sum captured payments over months; on a million payments even an index-only scan must
// aggregate ~850k rows (≈150 ms on SQLite, 250–400 ms on PostgreSQL). `payment_daily_totals`
// holds those sums already grouped — one row per (day, currency, merchant) with captured
// volume, fees and count, a few thousand rows — so every chart reads the small table instead.
// Triggers on `payments` keep it exact in the same transaction as each write, whoever writes
// (API, seed, tests, a console): a captured payment's amount, fee, day, currency or merchant
// changing, a capture, an insert or a delete each move the totals. Rows reaching count 0 go.
// The migration fills it from the payments already there.
//
// The day is substr(captured_at, 1, 10): captured_at is a fixed-width ISO UTC string on both
// engines, so this is its UTC date.
//
// Plus one covering index for the per-merchant plan comparison, which prices each payment by
// amount, currency and card brand over the merchant's last days.
import type { Knex } from 'knex';

const TABLE = 'payment_daily_totals';

const isPg = (knex: Knex) => String(knex.client.config.client).startsWith('p');

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable(TABLE, (t) => {
    t.string('captured_day', 10).notNullable();
    t.string('currency', 3).notNullable();
    t.string('merchant_id', 40).notNullable();
    t.bigInteger('volume').notNullable();
    t.bigInteger('fees').notNullable();
    t.bigInteger('count').notNullable();
    t.primary(['captured_day', 'currency', 'merchant_id']);
    t.index(['merchant_id', 'captured_day']);
  });

  await knex.raw(
    `insert into ${TABLE} (captured_day, currency, merchant_id, volume, fees, count)
     select substr(captured_at, 1, 10), currency, merchant_id, sum(amount), sum(fee_amount), count(*)
       from payments where status = 'captured' and captured_at is not null
      group by substr(captured_at, 1, 10), currency, merchant_id`,
  );

  if (isPg(knex)) await pgTriggers(knex);
  else await sqliteTriggers(knex);

  await knex.schema.alterTable('payments', (t) => {
    t.index(['merchant_id', 'status', 'captured_at', 'currency', 'card_brand', 'amount', 'fee_amount'], 'payments_stats_merchant_captured');
  });
}

// SQLite: row triggers. Upsert the new row's contribution, subtract the old one's.
async function sqliteTriggers(knex: Knex): Promise<void> {
  const key = (r: 'new' | 'old') => `captured_day = substr(${r}.captured_at, 1, 10) and currency = ${r}.currency and merchant_id = ${r}.merchant_id`;
  const counts = (r: 'new' | 'old') => `${r}.status = 'captured' and ${r}.captured_at is not null`;
  const add = `
    insert into ${TABLE} (captured_day, currency, merchant_id, volume, fees, count)
    select substr(new.captured_at, 1, 10), new.currency, new.merchant_id, new.amount, new.fee_amount, 1
     where ${counts('new')}
    on conflict (captured_day, currency, merchant_id) do update set
      volume = volume + excluded.volume, fees = fees + excluded.fees, count = count + excluded.count;`;
  const subtract = `
    update ${TABLE} set volume = volume - old.amount, fees = fees - old.fee_amount, count = count - 1
     where ${key('old')} and ${counts('old')};
    delete from ${TABLE} where ${key('old')} and count = 0;`;
  await knex.raw(`create trigger payments_daily_totals_insert after insert on payments begin ${add} end`);
  await knex.raw(`create trigger payments_daily_totals_delete after delete on payments begin ${subtract} end`);
  await knex.raw(
    `create trigger payments_daily_totals_update
       after update of status, captured_at, amount, fee_amount, currency, merchant_id on payments
     begin ${subtract} ${add} end`,
  );
}

// PostgreSQL: inserts and deletes as statement triggers over transition tables, so a bulk
// insert (the seed writes thousands of rows a statement, or a COPY) costs one grouped upsert;
// updates as a row trigger that returns at once unless a counted column changed. No column list
// (UPDATE OF …) or WHEN clause: PostgreSQL refuses to change the type or collation of a column
// a trigger definition names, and later migrations may need to.
async function pgTriggers(knex: Knex): Promise<void> {
  const upsert = (source: string, sign: '' | '-') => `
    insert into ${TABLE} (captured_day, currency, merchant_id, volume, fees, count)
    select substr(captured_at, 1, 10), currency, merchant_id, ${sign}sum(amount), ${sign}sum(fee_amount), ${sign}count(*)
      from ${source} where status = 'captured' and captured_at is not null
     group by substr(captured_at, 1, 10), currency, merchant_id
    on conflict (captured_day, currency, merchant_id) do update set
      volume = ${TABLE}.volume + excluded.volume, fees = ${TABLE}.fees + excluded.fees, count = ${TABLE}.count + excluded.count;`;
  const prune = `delete from ${TABLE} where count = 0;`;
  await knex.raw(`
    create function payment_daily_totals_insert() returns trigger language plpgsql as $$
    begin ${upsert('new_rows', '')} return null; end $$;
    create function payment_daily_totals_delete() returns trigger language plpgsql as $$
    begin ${upsert('old_rows', '-')} ${prune} return null; end $$;
    create function payment_daily_totals_update() returns trigger language plpgsql as $$
    begin
      if (old.status, old.captured_at, old.amount, old.fee_amount, old.currency, old.merchant_id)
         is not distinct from (new.status, new.captured_at, new.amount, new.fee_amount, new.currency, new.merchant_id) then
        return null; -- a refund, a settlement…: nothing the totals count changed
      end if;
      if old.status = 'captured' and old.captured_at is not null then
        update ${TABLE} set volume = volume - old.amount, fees = fees - old.fee_amount, count = count - 1
         where captured_day = substr(old.captured_at, 1, 10) and currency = old.currency and merchant_id = old.merchant_id;
        delete from ${TABLE}
         where captured_day = substr(old.captured_at, 1, 10) and currency = old.currency and merchant_id = old.merchant_id and count = 0;
      end if;
      if new.status = 'captured' and new.captured_at is not null then
        insert into ${TABLE} (captured_day, currency, merchant_id, volume, fees, count)
        values (substr(new.captured_at, 1, 10), new.currency, new.merchant_id, new.amount, new.fee_amount, 1)
        on conflict (captured_day, currency, merchant_id) do update set
          volume = ${TABLE}.volume + excluded.volume, fees = ${TABLE}.fees + excluded.fees, count = ${TABLE}.count + 1;
      end if;
      return null;
    end $$;
    create function payment_daily_totals_truncate() returns trigger language plpgsql as $$
    begin delete from ${TABLE}; return null; end $$;
    create trigger payments_daily_totals_insert after insert on payments
      referencing new table as new_rows for each statement execute function payment_daily_totals_insert();
    create trigger payments_daily_totals_delete after delete on payments
      referencing old table as old_rows for each statement execute function payment_daily_totals_delete();
    create trigger payments_daily_totals_update after update on payments
      for each row execute function payment_daily_totals_update();
    create trigger payments_daily_totals_truncate after truncate on payments
      for each statement execute function payment_daily_totals_truncate();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('payments', (t) => t.dropIndex([], 'payments_stats_merchant_captured'));
  for (const op of ['insert', 'delete', 'update', 'truncate']) {
    if (op === 'truncate' && !isPg(knex)) continue;
    await knex.raw(`drop trigger if exists payments_daily_totals_${op}${isPg(knex) ? ' on payments' : ''}`);
    if (isPg(knex)) await knex.raw(`drop function if exists payment_daily_totals_${op}()`);
  }
  await knex.schema.dropTable(TABLE);
}
