// THE list engine: a parsed ListQuery + a resource definition → one page of records and the
// total. Every resource's list, getMany, getManyReference and export go through here.
import type { Knex } from 'knex';
import { countCacheOf } from './countCache.ts';
import type { ResourceDefinition } from './definition.ts';
import type { FilterCondition, ListQuery } from './parseListQuery.ts';

const COMPARATORS = { gte: '>=', lte: '<=', gt: '>', lt: '<' } as const;
const isSqlite = (db: Knex) => db.client.config.client !== 'pg';

/** A WHERE fragment: SQL with `??` (identifier) and `?` (value) placeholders, and its bindings. */
interface Fragment {
  sql: string;
  bindings: Knex.Value[];
}

function conditionSql(c: FilterCondition): Fragment {
  // parseListQuery coerced the value to the field's type: a string, number or boolean (a list of
  // them for `in`), which is what knex binds.
  const value = c.value as Knex.Value;
  switch (c.op) {
    case 'eq':
      return { sql: '?? = ?', bindings: [c.column, value] };
    case 'in': {
      const values = c.value as Knex.Value[];
      if (values.length === 0) return { sql: '1 = 0', bindings: [] };
      return { sql: `?? in (${values.map(() => '?').join(', ')})`, bindings: [c.column, ...values] };
    }
    case 'null':
      return { sql: '?? is null', bindings: [c.column] };
    case 'neq':
      // "not equal" includes rows where the column is empty, as a user reading the screen expects.
      return { sql: '(?? <> ? or ?? is null)', bindings: [c.column, value, c.column] };
    default:
      return { sql: `?? ${COMPARATORS[c.op]} ?`, bindings: [c.column, value] };
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * `column` holds the id of a row of `lookup.table` whose `lookup.column` contains the text. The
 * small table is read once, then the ids probe `column`'s index: SQLite does that with IN on a
 * subquery; PostgreSQL only with `= any(array(subquery))` (an IN subquery inside an OR would be
 * a filter on every row of the big table).
 */
function lookupSql(db: Knex, column: string, lookup: { table: string; column: string }, pattern: string): Fragment {
  const names = `select id from ?? where lower(??) like ? escape '\\'`;
  const sql = isSqlite(db) ? `?? in (${names})` : `?? = any(array(${names}))`;
  return { sql, bindings: [column, lookup.table, lookup.column, pattern] };
}

function searchSql(db: Knex, def: ResourceDefinition, q: string): Fragment {
  const terms = (def.search ?? []).flatMap((term) => {
    if (term.when && !term.when(q)) return [];
    const value = term.normalize ? term.normalize(q) : q;
    return value === null || value === '' ? [] : [{ term, value }];
  });
  if (terms.length === 0) return { sql: '1 = 0', bindings: [] }; // nothing can match this shape of query
  const parts = terms.map(({ term, value }): Fragment => {
    if (term.lookup) return lookupSql(db, term.column, term.lookup, `%${escapeLike(value.toLowerCase())}%`);
    if (term.match === 'exact') return { sql: '?? = ?', bindings: [term.column, value] };
    // A range rather than LIKE: served by the plain b-tree index on both engines.
    if (term.match === 'prefix') return { sql: '(?? >= ? and ?? < ?)', bindings: [term.column, value, term.column, `${value}\uffff`] };
    return { sql: `lower(??) like ? escape '\\'`, bindings: [term.column, `%${escapeLike(value.toLowerCase())}%`] };
  });
  return { sql: `(${parts.map((p) => p.sql).join(' or ')})`, bindings: parts.flatMap((p) => p.bindings) };
}

/**
 * How to read the page of a filter that matches many rows (see pagePlan). Both engines find a
 * page fast when an index serves the filter and the order together; the question is what to do
 * when none does: sort every match, or walk the sort order's index and stop when the page is
 * full (about 25 × rows / matches rows read, if the matches are spread along that order).
 */
export interface PagePlan {
  /**
   * SQLite: walk. Its planner does not weigh LIMIT when it picks an index: told nothing, it
   * reads every match through the filter's index and sorts them all, which for a broad filter
   * ("refunded payments", an amount range) is a large part of the table. Conditions marked
   * likely() make it walk the sort order instead (an index that serves filter and order
   * together still wins). PostgreSQL weighs LIMIT itself.
   */
  walk?: boolean;
  /**
   * PostgreSQL: sort. Times and ids follow creation order, so a range on settled_at matches a
   * block of rows somewhere in the past; listed newest first, walking created_at to reach that
   * block reads half the table, yet PostgreSQL, which assumes columns independent, would do it.
   * Ordering by an expression no index has makes it read the matches through the filter's index
   * and sort them instead.
   */
  sort?: boolean;
}

/**
 * From this many matching rows on, walking the sort order is cheaper than sorting the matches
 * (on a table of about a million rows the two meet near 25 × 1M / m = m, m ≈ 5,000).
 */
export const BROAD_FILTER_ROWS = 5_000;

/** Fields whose values follow creation order: times, dates and the (time-ordered) id. */
function followsCreation(def: ResourceDefinition, field: string): boolean {
  const type = def.fields[field]?.type;
  return field === 'id' || type === 'datetime' || type === 'date';
}

export function pagePlan(db: Knex, def: ResourceDefinition, query: ListQuery, total: Total): PagePlan {
  if (total.exact && total.total < BROAD_FILTER_ROWS) return {};
  const block = followsCreation(def, query.sort.field) && query.conditions.some(
    (c) => c.field !== query.sort.field && followsCreation(def, c.field) && ['gte', 'gt', 'lte', 'lt'].includes(c.op),
  );
  return isSqlite(db) ? { walk: !block } : { sort: block };
}

/** The filtered (unsorted, unpaged) query: shared by the page, the count and exports. */
export function filteredQuery(
  db: Knex,
  def: ResourceDefinition,
  query: Pick<ListQuery, 'conditions' | 'q'>,
  plan: PagePlan = {},
): Knex.QueryBuilder {
  const qb = db(def.table);
  def.scope?.(qb);
  for (const c of query.conditions) {
    const f = conditionSql(c);
    // Only conditions spread along every order are marked (amounts, statuses, codes, references
    // to other records), never times: see PagePlan.sort for why.
    const spread = plan.walk && isSqlite(db) && !followsCreation(def, c.field);
    qb.whereRaw(spread ? `likely(${f.sql})` : f.sql, f.bindings);
  }
  if (query.q) {
    const f = searchSql(db, def, query.q);
    qb.whereRaw(f.sql, f.bindings);
  }
  return qb;
}

/**
 * The list order: the sort column, then id in the same direction, so pages never overlap or
 * skip. Empty values sort as the smallest on both engines (SQLite's native order); PostgreSQL is
 * told so explicitly, and its indexes on nullable sort columns are built NULLS FIRST to match
 * (migration 20261123_05), so the order still comes from an index.
 */
function applyOrder(
  qb: Knex.QueryBuilder,
  db: Knex,
  def: ResourceDefinition,
  sort: ListQuery['sort'],
  plan: PagePlan = {},
): Knex.QueryBuilder {
  const dir = sort.order.toLowerCase() as 'asc' | 'desc';
  const column = `${def.table}.${sort.column}`;
  // `|| ''` leaves a text value (and its order) as it is but matches no index (PagePlan.sort);
  // only fields that follow creation order get it, and those are all text here.
  const key = plan.sort ? `(?? || '')` : '??';
  if (def.fields[sort.field]?.nullable && !isSqlite(db)) {
    qb.orderByRaw(`${key} ${dir} nulls ${dir === 'asc' ? 'first' : 'last'}`, [column]);
  } else if (plan.sort) {
    qb.orderByRaw(`${key} ${dir}`, [column]);
  } else {
    qb.orderBy(column, dir);
  }
  if (sort.column !== 'id') qb.orderBy(`${def.table}.id`, dir);
  return qb;
}

export function orderedQuery(db: Knex, def: ResourceDefinition, query: ListQuery): Knex.QueryBuilder {
  return applyOrder(filteredQuery(db, def, query).select(def.columns.map((c) => `${def.table}.${c}`)), db, def, query.sort);
}

/** A record as the API answers with it: a row after its definition's toRecord. */
export type ApiRecord = Record<string, unknown>;

export function toRecords(def: ResourceDefinition, rows: ApiRecord[]): ApiRecord[] {
  return def.toRecord ? rows.map(def.toRecord) : rows;
}

/**
 * Totals are exact up to this many rows. Past it the count would cost more than the page it
 * describes (an exact COUNT over a million rows walks a million index entries on every request),
 * so the total reads "more than 10,000": the protocol's integer is this limit and `exact` is
 * false. Ten thousand rows is page 400 at 25 a page; nobody pages further by hand, and a filter
 * narrows any list below it.
 */
export const EXACT_TOTAL_LIMIT = 10_000;

export interface Total {
  /** Rows matching, or `limit` when there are more than that. */
  total: number;
  /** False when more rows match than `total` says. */
  exact: boolean;
}

/**
 * Counts the filtered rows, stopping after `limit + 1`: the cost is bounded by the limit, not by
 * the table, and the database can answer from whichever index serves the filter. Capped
 * answers are remembered for a few seconds (countCache.ts).
 */
export async function countRows(
  db: Knex,
  def: ResourceDefinition,
  query: Pick<ListQuery, 'conditions' | 'q'>,
  limit = EXACT_TOTAL_LIMIT,
): Promise<Total> {
  const cache = countCacheOf(db);
  const key = JSON.stringify([def.name, limit, query.conditions, query.q ?? null]);
  const cached = cache?.get(key);
  if (cached) return cached;
  const row = await countQuery(db, def, query, limit).first();
  const n = Number(row?.total ?? 0);
  const total = n > limit ? { total: limit, exact: false } : { total: n, exact: true };
  cache?.set(key, def.table, total);
  return total;
}

export interface Page extends Total {
  records: ApiRecord[];
}

/**
 * The ids of one page, in order, read from the index that serves the filter and the sort: only
 * `start` index entries are skipped to reach a deep page, never `start` whole rows.
 */
export function pageIdsQuery(db: Knex, def: ResourceDefinition, query: ListQuery, plan: PagePlan = {}): Knex.QueryBuilder {
  const { start, end } = query.range;
  const ids = applyOrder(filteredQuery(db, def, query, plan).select(`${def.table}.id`), db, def, query.sort, plan);
  return ids.limit(end - start + 1).offset(start);
}

/** One page of records: its ids first (pageIdsQuery), then those rows by primary key. */
export function pageQuery(db: Knex, def: ResourceDefinition, query: ListQuery, plan: PagePlan = {}): Knex.QueryBuilder {
  const qb = db.from(pageIdsQuery(db, def, query, plan).as('page')).select(def.columns.map((c) => `${def.table}.${c}`));
  // The page drives the join. SQLite would otherwise walk the whole table in the sort order and
  // probe the page for each row; CROSS JOIN is how SQLite is told to keep the order written.
  // PostgreSQL plans the 25-row side first by itself (and has no CROSS JOIN ... ON).
  if (isSqlite(db)) qb.crossJoin(def.table, 'page.id', `${def.table}.id`);
  else qb.join(def.table, 'page.id', `${def.table}.id`);
  return applyOrder(qb, db, def, query.sort);
}

/** The bounded count countRows runs (exported for the query-plan tests). */
export function countQuery(db: Knex, def: ResourceDefinition, query: Pick<ListQuery, 'conditions' | 'q'>, limit: number) {
  const capped = filteredQuery(db, def, query).select(db.raw('1')).limit(limit + 1).as('capped');
  return db.count({ total: '*' }).from(capped);
}

export async function fetchPage(db: Knex, def: ResourceDefinition, query: ListQuery): Promise<Page> {
  const { start, end } = query.range;
  // A request past the limit (an API client paging deep) still gets an exact answer about
  // whether its page exists: the count reaches at least one row beyond the page asked for.
  const count = await countRows(db, def, query, Math.max(EXACT_TOTAL_LIMIT, end + 1));
  if (start >= count.total) return { records: [], ...count };
  const rows = await pageQuery(db, def, query, pagePlan(db, def, query, count));
  return { records: toRecords(def, rows), ...count };
}

export async function fetchOne(db: Knex, def: ResourceDefinition, id: string): Promise<ApiRecord | undefined> {
  const qb = db(def.table).select(def.columns.map((c) => `${def.table}.${c}`)).where(`${def.table}.id`, id);
  def.scope?.(qb);
  const row = await qb.first();
  return row && (def.toRecord ? def.toRecord(row) : row);
}
