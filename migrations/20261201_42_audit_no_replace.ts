// SQLite: INSERT OR REPLACE (and REPLACE INTO) of an audit row with an existing id — or an
// existing rowid — would overwrite it without tripping the append-only triggers of
// 20261123_01_audit_append_only: REPLACE deletes the old row without firing DELETE triggers unless
// `recursive_triggers` is on, a per-connection setting that a stray script would not set. So the
// schema itself refuses any insert whose id or rowid is already taken, before the conflict is
// resolved. (INSERT … ON CONFLICT DO UPDATE is an UPDATE and was already refused; PostgreSQL has
// no REPLACE, and its upsert fires the UPDATE trigger.)
//
// In a BEFORE INSERT trigger NEW.rowid is -1 when the rowid is left to SQLite, so only positive
// rowids can be compared; the AFTER INSERT trigger refuses a row that ends up with a rowid of 0 or
// less (only an explicit rowid does that), so no audit row has one to be replaced.
import type { Knex } from 'knex';

const MESSAGE = 'audit rows are append-only';

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') return;
  await knex.raw(`create trigger audit_no_replace before insert on audit
    when exists (select 1 from audit where id = new.id)
      or (new.rowid > 0 and exists (select 1 from audit where rowid = new.rowid))
    begin select raise(abort, '${MESSAGE}'); end`);
  await knex.raw(`create trigger audit_positive_rowid after insert on audit
    when new.rowid <= 0
    begin select raise(abort, '${MESSAGE}'); end`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') return;
  await knex.raw('drop trigger if exists audit_positive_rowid');
  await knex.raw('drop trigger if exists audit_no_replace');
}
