// Reads a whole filtered, sorted list in batches by keyset: each batch continues after the last
// row of the one before — `(sort column, id)` past the last pair — so every batch is an index
// seek, however deep the export goes (no OFFSET), and the database connection is released
// between batches. That matters on SQLite, where one connection serves the whole app: a slow
// download must not hold it.
//
// The order is exactly the list's (orderedQuery: sort column, then id, in one direction). Rows
// whose sort column is NULL are read as their own run, before or after the rest, wherever the
// list puts them.
import type { Knex } from 'knex';
import type { Db } from '../db/connect.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { orderedQuery, toRecords, type ApiRecord } from '../list/listQuery.ts';
import type { ListQuery } from '../list/parseListQuery.ts';

export const EXPORT_BATCH = 1000;
const SORT_KEY = '__sort_key';

type Run = 'values' | 'nulls' | 'all';

export async function* listBatches(
  db: Db,
  def: ResourceDefinition,
  query: ListQuery,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ApiRecord[]> {
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
      const qb = orderedQuery(db, def, query).select({ [SORT_KEY]: sortCol }).limit(batchSize);
      if (run === 'values') {
        qb.whereNotNull(sortCol);
        if (last) qb.whereRaw(`(??, ??) ${cmp} (?, ?)`, [sortCol, idCol, last.key as Knex.Value, last.id]);
      } else {
        if (run === 'nulls') qb.whereNull(sortCol);
        if (last) qb.where(idCol, cmp, last.id);
      }
      const rows = await qb;
      if (rows.length === 0) break;
      const tail = rows[rows.length - 1];
      last = { key: tail[SORT_KEY], id: tail.id };
      for (const r of rows) delete r[SORT_KEY];
      yield toRecords(def, rows);
      if (rows.length < batchSize) break;
    }
  }
}
