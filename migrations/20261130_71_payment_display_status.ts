// payments.display_status: what the payment's status says to a person (shared/paymentDisplayStatus.ts)
// — "Refunded", "Partially refunded", "Disputed" for a captured payment, else its status — kept
// by the database itself, whoever writes (refunds, the processor's events, the seed, a console),
// so the list, search and exports show it and the payments list filters on it through an index.
//
// The rule, in SQL, for a row `r` and whether a dispute exists for it:
//   not captured → its status; disputed → 'disputed'; refunded in full → 'refunded';
//   in part → 'partially_refunded'; else 'captured'.
// server/resources/payments/displayStatus.test.ts checks on both engines that the column always
// equals paymentDisplayStatus() of the row, through every kind of write.
//
// When it is computed, so that a bulk load stays a bulk load (no probe of the disputes table per
// payment, whose indexes a big seed sets aside):
// - a payment inserted without it: from its own columns (a new payment has no dispute yet); an
//   insert that gives it (the seed, which knows its disputes) is taken as given;
// - a payment whose status, amount or amount_refunded changes: from its columns and its disputes;
// - a dispute inserted: its payment is disputed (disputes are never deleted nor moved).
// On PostgreSQL no trigger names a column or has a WHEN clause (see 20261123_02: PostgreSQL refuses
// to change the type of a column a trigger names), and inserts are handled per statement over the
// transition table, so a COPY of thousands of rows costs one pass.
import type { Knex } from 'knex';

const isPg = (knex: Knex) => String(knex.client.config.client).startsWith('p');

/** The rule for the row named `r` ('' = the table's own columns); `disputed` is SQL. */
const rule = (r: string, disputed: string) => {
  const c = (column: string) => (r ? `${r}.${column}` : column);
  return `case
    when ${c('status')} <> 'captured' then ${c('status')}
    when ${disputed} then 'disputed'
    when ${c('amount_refunded')} > 0 and ${c('amount_refunded')} >= ${c('amount')} then 'refunded'
    when ${c('amount_refunded')} > 0 then 'partially_refunded'
    else 'captured' end`;
};
const hasDispute = (paymentId: string) => `exists (select 1 from disputes d where d.payment_id = ${paymentId})`;

export async function up(knex: Knex): Promise<void> {
  // Byte order on PostgreSQL, like every text column (20261123_06).
  await knex.raw(`alter table payments add column display_status varchar(20)${isPg(knex) ? ' collate "C"' : ''}`);
  await knex.raw(`update payments set display_status = ${rule('', hasDispute('payments.id'))}`);
  // The list filters on it with its default order (created_at, id), as on status.
  await knex.raw('create index payments_display_status_created_at_id_index on payments (display_status, created_at, id)');
  if (isPg(knex)) await pgTriggers(knex);
  else await sqliteTriggers(knex);
}

async function sqliteTriggers(knex: Knex): Promise<void> {
  await knex.raw(`create trigger payments_display_status_insert after insert on payments when new.display_status is null
    begin update payments set display_status = ${rule('new', '0')} where id = new.id; end`);
  await knex.raw(`create trigger payments_display_status_update after update of status, amount, amount_refunded on payments
    when new.display_status is not (${rule('new', hasDispute('new.id'))})
    begin update payments set display_status = ${rule('new', hasDispute('new.id'))} where id = new.id; end`);
  await knex.raw(`create trigger disputes_payment_display_status after insert on disputes
    begin update payments set display_status = ${rule('', '1')} where id = new.payment_id; end`);
}

async function pgTriggers(knex: Knex): Promise<void> {
  await knex.raw(`
    create function payments_display_status_insert() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_rows where display_status is null) then
        update payments p set display_status = ${rule('p', 'false')}
          where p.id in (select id from new_rows where display_status is null);
      end if;
      return null;
    end $$;
    create function payments_display_status_update() returns trigger language plpgsql as $$
    begin
      if (old.status, old.amount, old.amount_refunded) is not distinct from (new.status, new.amount, new.amount_refunded) then
        return new; -- a settlement, a note…, or the dispute trigger below setting it
      end if;
      new.display_status := ${rule('new', hasDispute('new.id'))};
      return new;
    end $$;
    create function disputes_payment_display_status() returns trigger language plpgsql as $$
    begin
      update payments p set display_status = ${rule('p', 'true')}
        where p.id in (select payment_id from new_rows);
      return null;
    end $$;
    create trigger payments_display_status_insert after insert on payments
      referencing new table as new_rows for each statement execute function payments_display_status_insert();
    create trigger payments_display_status_update before update on payments
      for each row execute function payments_display_status_update();
    create trigger disputes_payment_display_status after insert on disputes
      referencing new table as new_rows for each statement execute function disputes_payment_display_status();
  `);
}

export async function down(knex: Knex): Promise<void> {
  if (isPg(knex)) {
    await knex.raw('drop trigger if exists disputes_payment_display_status on disputes');
    await knex.raw('drop trigger if exists payments_display_status_update on payments');
    await knex.raw('drop trigger if exists payments_display_status_insert on payments');
    for (const fn of ['disputes_payment_display_status', 'payments_display_status_update', 'payments_display_status_insert']) {
      await knex.raw(`drop function if exists ${fn}()`);
    }
  } else {
    for (const trigger of ['disputes_payment_display_status', 'payments_display_status_update', 'payments_display_status_insert']) {
      await knex.raw(`drop trigger if exists ${trigger}`);
    }
  }
  await knex.raw('drop index payments_display_status_created_at_id_index');
  // Plain ALTER TABLE on SQLite too: knex would rebuild the table, losing its other triggers.
  await knex.raw('alter table payments drop column display_status');
}
