// PostgreSQL only: every text column compares by bytes (COLLATE "C"), as SQLite does.
//
// Without it PostgreSQL compares text with the database's locale (en_US.UTF-8, C.UTF-8, …)
// through the C library, and everything stored here — prefixed ids, ISO times, currency and
// status codes, references, emails — is plain ASCII whose order a locale can only make slower
// or different: sorting the same list gave different pages on the two engines, and building the
// indexes of a million payments took half again as long (measured by the seed: 37 s → 23 s for
// the payments table's indexes). Byte order also keeps the prefix search of `q` (a range from
// "ana" to "ana\uffff") correct whatever locale the database was created with.
//
// On a database that already holds data this rebuilds the indexes on text columns once.
import type { Knex } from 'knex';

async function textColumns(knex: Knex, collated: boolean) {
  const { rows } = await knex.raw(
    `select table_name, column_name, data_type, character_maximum_length
       from information_schema.columns
      where table_schema = current_schema()
        and data_type in ('character varying', 'text')
        and table_name not like 'knex\\_%'
        and (coalesce(collation_name, '') = 'C') = ?
      order by table_name, ordinal_position`,
    [collated],
  );
  return rows as Array<{ table_name: string; column_name: string; data_type: string; character_maximum_length: number | null }>;
}

const typeOf = (c: { data_type: string; character_maximum_length: number | null }) =>
  c.data_type === 'text' || c.character_maximum_length === null ? 'text' : `varchar(${c.character_maximum_length})`;

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  for (const c of await textColumns(knex, false)) {
    await knex.raw(`alter table ?? alter column ?? type ${typeOf(c)} collate "C"`, [c.table_name, c.column_name]);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  for (const c of await textColumns(knex, true)) {
    await knex.raw(`alter table ?? alter column ?? type ${typeOf(c)} collate "default"`, [c.table_name, c.column_name]);
  }
}
