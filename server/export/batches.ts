// Reads a whole filtered, sorted list in batches by keyset: each batch continues after the last
// row of the one before — `(sort column, id)` past the last pair — so every batch is an index
// seek, however deep the export goes (no OFFSET), and the database connection is released
// between batches. That matters on SQLite, where one connection serves the whole app: a slow
// download must not hold it.
//
// The order is exactly the list's (orderedQuery: sort column, then id, in one direction). Rows
// whose sort column is NULL are read as their own run, before or after the rest, wherever the
// list puts them.
//
// Two shapes: records (listBatches, for JSON and XLSX) and rows as arrays of values in the
// definition's column order (listArrayBatches, for CSV: no object per row; arrayRows.ts).
import type { Knex } from 'knex';
import type { Db } from '../db/connect.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { orderedQuery, toRecords, type ApiRecord } from '../list/listQuery.ts';
import type { ListQuery } from '../list/parseListQuery.ts';
import { arrayRows } from './arrayRows.ts';

export const EXPORT_BATCH = 1000;
/**
 * Rows per batch when read as arrays. On SQLite a batch is one synchronous call (about 5 µs a
 * row of payments): 1000 rows keep it to a few milliseconds, so /api/health waits no longer.
 * On PostgreSQL the query runs off the event loop; bigger batches mean fewer round trips.
 */
export const ARRAY_BATCH = { sqlite: 1000, pg: 5000 } as const;
const SORT_KEY = '__sort_key';

type Run = 'values' | 'nulls' | 'all';

/** Where a row's sort value and id are, and how to read a batch. */
interface Reader<R> {
  read: (qb: Knex.QueryBuilder) => Promise<R[]>;
  key: (row: R) => unknown;
  id: (row: R) => string;
}

async function* keysetBatches<R>(db: Db, def: ResourceDefinition, query: ListQuery, batchSize: number, reader: Reader<R>): AsyncGenerator<R[]> {
  const { column, order } = query.sort;
  const cmp = order === 'ASC' ? '>' : '<';
  const sortCol = `${def.table}.${column}`;
  const idCol = `${def.table}.id`;
  // Where NULLs sort, as orderedQuery sorts them: smallest on SQLite, and on PostgreSQL for
  // fields declared nullable (it is told NULLS FIRST/LAST); otherwise PostgreSQL's own: largest.
  // (The batches tests compare with orderedQuery, so the two cannot drift apart unnoticed.)
  const nullsSmallest = db.engine === 'sqlite' || Boolean(def.fields[query.sort.field]?.nullable);
  const nullsLast = (order === 'ASC') !== nullsSmallest;
  const runs: Run[] = column === 'id' ? ['all'] : nullsLast ? ['values', 'nulls'] : ['nulls', 'values'];

  for (const run of runs) {
    let last: { key: unknown; id: string } | undefined;
    for (;;) {
      // The sort value is selected last, after the definition's columns (an array row's tail).
      const qb = orderedQuery(db, def, query).select({ [SORT_KEY]: sortCol }).limit(batchSize);
      if (run === 'values') {
        qb.whereNotNull(sortCol);
        if (last) qb.whereRaw(`(??, ??) ${cmp} (?, ?)`, [sortCol, idCol, last.key as Knex.Value, last.id]);
      } else {
        if (run === 'nulls') qb.whereNull(sortCol);
        if (last) qb.where(idCol, cmp, last.id);
      }
      const rows = await reader.read(qb);
      if (rows.length === 0) break;
      const tail = rows[rows.length - 1];
      last = { key: reader.key(tail), id: reader.id(tail) };
      yield rows;
      if (rows.length < batchSize) break;
    }
  }
}

/** The list's records, a batch at a time. */
export async function* listBatches(
  db: Db,
  def: ResourceDefinition,
  query: ListQuery,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ApiRecord[]> {
  const reader: Reader<ApiRecord> = { read: (qb) => qb, key: (r) => r[SORT_KEY], id: (r) => r.id as string };
  for await (const rows of keysetBatches(db, def, query, batchSize, reader)) {
    for (const r of rows) delete r[SORT_KEY];
    yield toRecords(def, rows);
  }
}

/**
 * The list's rows as arrays: `def.columns` values in order (then the sort value, which readers
 * ignore), the values as the database answers them. Only for definitions without `toRecord`
 * (the record is then the row itself); the others go through listBatches.
 */
export function listArrayBatches(
  db: Db,
  def: ResourceDefinition,
  query: ListQuery,
  batchSize: number = ARRAY_BATCH[db.engine],
): AsyncGenerator<unknown[][]> {
  if (def.toRecord) throw new Error(`${def.name}: records are not rows (toRecord); read them with listBatches`);
  const idAt = def.columns.indexOf('id');
  const keyAt = def.columns.length;
  return keysetBatches(db, def, query, batchSize, { read: (qb) => arrayRows(db, qb), key: (r) => r[keyAt], id: (r) => r[idAt] as string });
}
