// Indexes so that every list shape on the tables that grow with payments (payments, intents,
// ledger transactions, refunds, audit) is served by an index at a million rows (docs/scaling.md):
// - `(field, id)` for each sortable field whose values repeat a lot: the list orders by the
//   field and then by id (the tie-break), and only an index in exactly that order lets the
//   database stop after one page instead of sorting every row of a status or a merchant;
// - a leading index for each filterable field that had none, so filters and their (capped)
//   counts read only matching rows.
// Fields whose values are nearly unique (emails, references, card last 4, *_id) need no `id`
// column: the few ties per value are sorted after the index range is read.
// Times other than created_at (settled_at, updated_at) carry created_at too: they follow
// creation order, so a range on them cannot walk the created_at index (the matches sit in a
// block far from its start) and is read from its own index and sorted; with created_at in that
// index the sort needs nothing from the table. Their values are nearly unique, so the same
// index still gives their own sort order, the rare ties sorted by id.
//
// Nullable sortable fields sort their empty values first ascending (last descending) on both
// engines (server/list/listQuery.ts). SQLite's indexes are in that order already; PostgreSQL's
// are built NULLS FIRST to match — including the existing single-column indexes on nullable
// fields people sort by, which are rebuilt that way — or PostgreSQL would sort every row.
// server/scale/queryPlans.test.ts checks every shape on both engines.
import type { Knex } from 'knex';

interface ListIndex {
  columns: string[];
  /** The first column is a nullable sort field: NULLS FIRST on PostgreSQL. */
  nullsFirst?: boolean;
}

const INDEXES: Record<string, ListIndex[]> = {
  payments: [
    { columns: ['merchant_id', 'id'] },
    { columns: ['entry_mode', 'id'] },
    { columns: ['settlement_status', 'id'] },
    { columns: ['decline_code', 'id'], nullsFirst: true },
    { columns: ['amount_refunded', 'id'] },
    { columns: ['settled_at', 'created_at', 'id'], nullsFirst: true },
  ],
  intents: [
    { columns: ['merchant_id', 'id'] },
    { columns: ['capture_method', 'id'] },
    { columns: ['amount_refunded', 'id'] },
    { columns: ['amount_disputed', 'id'] },
    { columns: ['updated_at', 'created_at', 'id'] },
  ],
  transactions: [
    { columns: ['merchant_id', 'id'] },
    { columns: ['source_type', 'id'] },
    { columns: ['settlement_status', 'id'] },
    { columns: ['settlement_status', 'created_at', 'id'] },
    { columns: ['currency', 'created_at', 'id'] },
    { columns: ['settled_at', 'created_at', 'id'], nullsFirst: true },
  ],
  refunds: [
    { columns: ['merchant_id', 'id'] },
    { columns: ['currency', 'created_at', 'id'] },
    { columns: ['currency', 'id'] },
    { columns: ['reason', 'id'] },
    { columns: ['status', 'id'] },
    { columns: ['created_by', 'created_at', 'id'] },
    { columns: ['created_by', 'id'], nullsFirst: true },
  ],
  audit: [
    { columns: ['actor_id', 'id'], nullsFirst: true },
    { columns: ['action', 'id'] },
    { columns: ['entity', 'id'] },
  ],
};

/** Existing single-column indexes on nullable sort fields, rebuilt NULLS FIRST on PostgreSQL. */
const REBUILT_NULLS_FIRST: Array<{ table: string; column: string; name: string }> = [
  { table: 'intents', column: 'reference_id', name: 'intents_reference_id_index' },
  { table: 'intents', column: 'customer_email', name: 'intents_customer_email_index' },
  { table: 'audit', column: 'entity_id', name: 'audit_entity_id_index' },
];

// Named apart from knex's defaults: audit (entity, id) would otherwise collide with the existing
// index on entity_id.
const indexName = (table: string, columns: string[]) => `${table}_${columns.join('_')}_list`;

export async function up(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  for (const [table, indexes] of Object.entries(INDEXES)) {
    for (const { columns, nullsFirst } of indexes) {
      const [first, ...rest] = columns;
      const cols = [`"${first}"${pg && nullsFirst ? ' nulls first' : ''}`, ...rest.map((c) => `"${c}"`)];
      await knex.raw(`create index "${indexName(table, columns)}" on "${table}" (${cols.join(', ')})`);
    }
  }
  if (pg) {
    for (const { table, column, name } of REBUILT_NULLS_FIRST) {
      await knex.raw(`drop index "${name}"`);
      await knex.raw(`create index "${name}" on "${table}" ("${column}" nulls first)`);
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    for (const { table, column, name } of REBUILT_NULLS_FIRST) {
      await knex.raw(`drop index "${name}"`);
      await knex.raw(`create index "${name}" on "${table}" ("${column}")`);
    }
  }
  for (const [table, indexes] of Object.entries(INDEXES)) {
    for (const { columns } of indexes) await knex.raw(`drop index "${indexName(table, columns)}"`);
  }
}
