// The audit trail is append-only at the database too, not only because no route changes it: a
// trigger on each engine refuses UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) of audit rows,
// whoever asks. Defence in depth against a bug or a stray script; a DBA who really must prune
// drops the trigger deliberately, which is itself visible.
import type { Knex } from 'knex';

const MESSAGE = 'audit rows are append-only';

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      create or replace function audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '${MESSAGE}' using errcode = 'insufficient_privilege';
      end;
      $$`);
    await knex.raw(`create trigger audit_no_update_delete before update or delete on audit
      for each row execute function audit_append_only()`);
    await knex.raw(`create trigger audit_no_truncate before truncate on audit
      for each statement execute function audit_append_only()`);
    return;
  }
  for (const op of ['update', 'delete']) {
    await knex.raw(`create trigger audit_no_${op} before ${op} on audit
      begin select raise(abort, '${MESSAGE}'); end`);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('drop trigger if exists audit_no_truncate on audit');
    await knex.raw('drop trigger if exists audit_no_update_delete on audit');
    await knex.raw('drop function if exists audit_append_only()');
    return;
  }
  await knex.raw('drop trigger if exists audit_no_update');
  await knex.raw('drop trigger if exists audit_no_delete');
}
