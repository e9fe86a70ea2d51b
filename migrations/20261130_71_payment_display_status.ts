// payments.display_status: what the payment's status says to a person (shared/paymentDisplayStatus.ts)
// — "Refunded", "Partially refunded", "Disputed" for a captured payment, else its status — kept
// by the database itself from the row's own columns, whoever writes (refunds, dispute openings and
// outcomes, the processor's events, the seed, a console), so the list, search and exports show it
// and the payments list filters on it through an index.
//
// The rule, in SQL, for a row `r`:
//   not captured → its status; a dispute holds money back (amount_charged_back > 0) → 'disputed';
//   refunded in full → 'refunded'; in part → 'partially_refunded'; else 'captured'.
// server/resources/payments/displayStatus.test.ts checks on both engines that the column always
// equals paymentDisplayStatus() of the row, through every kind of write.
//
// SQLite: after a write that leaves it different from the rule, set it (a seed that already gives
// the right value costs one CASE per row). PostgreSQL: updates set it in a BEFORE row trigger;
// inserts are checked per statement over the transition table, so a COPY of thousands of rows is
// one pass that finds nothing to fix. No PostgreSQL trigger names a column or has a WHEN clause
// (see 20261123_02: PostgreSQL refuses to change the type of a column a trigger names).
import type { Knex } from 'knex';

const isPg = (knex: Knex) => String(knex.client.config.client).startsWith('p');

/** The rule for the row named `r` ('' = the table's own columns). */
const rule = (r: string) => {
  const c = (column: string) => (r ? `${r}.${column}` : column);
  return `(case
    when ${c('status')} <> 'captured' then ${c('status')}
    when ${c('amount_charged_back')} > 0 then 'disputed'
    when ${c('amount_refunded')} > 0 and ${c('amount_refunded')} >= ${c('amount')} then 'refunded'
    when ${c('amount_refunded')} > 0 then 'partially_refunded'
    else 'captured' end)`;
};

export async function up(knex: Knex): Promise<void> {
  // Byte order on PostgreSQL, like every text column (20261123_06).
  await knex.raw(`alter table payments add column display_status varchar(20)${isPg(knex) ? ' collate "C"' : ''}`);
  await knex.raw(`update payments set display_status = ${rule('')}`);
  // The list filters on it in its default order (created_at, id), as on status.
  await knex.raw('create index payments_display_status_created_at_id_index on payments (display_status, created_at, id)');
  if (isPg(knex)) await pgTriggers(knex);
  else await sqliteTriggers(knex);
}

async function sqliteTriggers(knex: Knex): Promise<void> {
  const fix = `begin update payments set display_status = ${rule('new')} where id = new.id; end`;
  await knex.raw(`create trigger payments_display_status_insert after insert on payments
    when new.display_status is not ${rule('new')} ${fix}`);
  await knex.raw(`create trigger payments_display_status_update
    after update of status, amount, amount_refunded, amount_charged_back, display_status on payments
    when new.display_status is not ${rule('new')} ${fix}`);
}

async function pgTriggers(knex: Knex): Promise<void> {
  await knex.raw(`
    create function payments_display_status_insert() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_rows n where n.display_status is distinct from ${rule('n')}) then
        update payments p set display_status = ${rule('p')}
          where p.id in (select n.id from new_rows n where n.display_status is distinct from ${rule('n')});
      end if;
      return null;
    end $$;
    create function payments_display_status_update() returns trigger language plpgsql as $$
    begin
      new.display_status := ${rule('new')};
      return new;
    end $$;
    create trigger payments_display_status_insert after insert on payments
      referencing new table as new_rows for each statement execute function payments_display_status_insert();
    create trigger payments_display_status_update before update on payments
      for each row execute function payments_display_status_update();
  `);
}

export async function down(knex: Knex): Promise<void> {
  if (isPg(knex)) {
    await knex.raw('drop trigger if exists payments_display_status_update on payments');
    await knex.raw('drop trigger if exists payments_display_status_insert on payments');
    await knex.raw('drop function if exists payments_display_status_update()');
    await knex.raw('drop function if exists payments_display_status_insert()');
  } else {
    await knex.raw('drop trigger if exists payments_display_status_update');
    await knex.raw('drop trigger if exists payments_display_status_insert');
  }
  await knex.raw('drop index payments_display_status_created_at_id_index');
  // Plain ALTER TABLE on SQLite too: knex would rebuild the table, losing its other triggers.
  await knex.raw('alter table payments drop column display_status');
}
