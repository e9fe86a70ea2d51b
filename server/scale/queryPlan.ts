// Reads the plan each engine chooses for the two queries behind a list page — the page's ids
// (pageIdsQuery) and the capped total (countQuery) — into one engine-neutral summary, and says
// what is wrong with it for a million-row table: a full table scan, a sort of every matching
// row where an index could have given the order, or a filter no index serves.
import type { Knex } from 'knex';
import type { Db } from '../db/connect.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { countQuery, countRows, EXACT_TOTAL_LIMIT, pageIdsQuery, pagePlan } from '../list/listQuery.ts';
import { parseListQuery } from '../list/parseListQuery.ts';
import { rawQuery, type ListShape } from './listShapes.ts';

export interface PlanSummary {
  /** The table is read row by row without an index. */
  fullScan: boolean;
  /** 'full': every matching row is sorted; 'partial': only ties within an index's order. */
  sort: 'none' | 'partial' | 'full';
  /** The conditions indexes are searched with (text, engine-specific). */
  indexConditions: string[];
  text: string;
}

export async function explain(trx: Knex.Transaction, engine: Db['engine'], table: string, qb: Knex.QueryBuilder): Promise<PlanSummary> {
  const { sql, bindings } = qb.toSQL();
  return engine === 'sqlite' ? explainSqlite(trx, table, sql, bindings) : explainPg(trx, table, sql, bindings);
}

async function explainSqlite(trx: Knex.Transaction, table: string, sql: string, bindings: readonly Knex.Value[]): Promise<PlanSummary> {
  const rows: Array<{ detail: string }> = await trx.raw(`explain query plan ${sql}`, bindings);
  const details = rows.map((r) => r.detail);
  return {
    fullScan: details.some((d) => d === `SCAN ${table}`),
    sort: details.some((d) => d === 'USE TEMP B-TREE FOR ORDER BY') ? 'full'
      : details.some((d) => /^USE TEMP B-TREE FOR (RIGHT PART|LAST TERM|LAST \d+ TERMS) OF ORDER BY/.test(d)) ? 'partial' : 'none',
    indexConditions: details.flatMap((d) => {
      const m = new RegExp(`^SEARCH ${table} USING (?:COVERING )?INDEX \\S+ \\((.*)\\)$`).exec(d);
      return m ? [m[1]] : [];
    }),
    text: details.join(' | '),
  };
}

/** The fields of a node of PostgreSQL's EXPLAIN (FORMAT JSON) read here. */
interface PgPlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  'Sort Key'?: string[];
  Plans?: PgPlanNode[];
}

async function explainPg(trx: Knex.Transaction, table: string, sql: string, bindings: readonly Knex.Value[]): Promise<PlanSummary> {
  const res = await trx.raw(`explain (format json) ${sql}`, bindings);
  const root: PgPlanNode = res.rows[0]['QUERY PLAN'][0].Plan;
  const nodes: PgPlanNode[] = [];
  const walk = (n: PgPlanNode) => {
    nodes.push(n);
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(root);
  const describe = (n: PgPlanNode): string =>
    [n['Node Type'], n['Index Name'], n['Relation Name'], n['Index Cond'] ?? n['Recheck Cond'] ?? n['Sort Key']?.join(', ')]
      .filter(Boolean).join(' ');
  return {
    fullScan: nodes.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === table),
    sort: nodes.some((n) => n['Node Type'] === 'Sort') ? 'full' : nodes.some((n) => n['Node Type'] === 'Incremental Sort') ? 'partial' : 'none',
    indexConditions: nodes.flatMap((n) => [n['Index Cond'], n['Recheck Cond']].filter((c): c is string => Boolean(c))),
    text: nodes.map(describe).join(' | '),
  };
}

export interface ShapePlans {
  ids: PlanSummary;
  count: PlanSummary;
}

/**
 * Plans of one shape, as fetchPage would run it. On PostgreSQL sequential scans are priced out for the session: on the
 * small tables of a test the planner rightly prefers reading a few pages, which says nothing
 * about a million rows; with them priced out it still picks a sequential scan when no index
 * can serve the query, which is what this looks for.
 */
export async function explainShape(db: Db, def: ResourceDefinition, shape: ListShape): Promise<ShapePlans> {
  const query = parseListQuery(def, rawQuery(shape.params));
  // The plan fetchPage would choose for this page, from the total it would see.
  const plan = pagePlan(db, def, query, await countRows(db, def, query));
  return db.transaction(async (trx) => {
    if (db.engine === 'pg') await trx.raw('set local enable_seqscan = off');
    return {
      ids: await explain(trx, db.engine, def.table, pageIdsQuery(trx, def, query, plan)),
      count: await explain(trx, db.engine, def.table, countQuery(trx, def, query, EXACT_TOTAL_LIMIT)),
    };
  });
}

/** Columns a shape filters on (for `q`, every column one of its search terms probes). */
function filteredColumns(def: ResourceDefinition, shape: ListShape): string[] {
  const filter = shape.params.filter ?? {};
  return Object.keys(filter).flatMap((key) => {
    if (key === 'q') {
      const q = String(filter.q);
      return (def.search ?? []).filter((t) => (!t.when || t.when(q)) && (!t.normalize || t.normalize(q))).map((t) => t.column);
    }
    const field = def.fields[key] ? key : key.replace(/_(gte|lte|gt|lt|neq)$/, '');
    return [def.fields[field]?.column ?? field];
  });
}

/**
 * What would make this shape slow on a million rows. `nearlyUnique(field)` tells whether a
 * field's values barely repeat, so that sorting the ties an index leaves costs nothing.
 */
export function planProblems(
  def: ResourceDefinition,
  shape: ListShape,
  plans: ShapePlans,
  nearlyUnique: (field: string) => boolean,
): string[] {
  const problems: string[] = [];
  for (const [name, plan] of Object.entries(plans) as Array<[string, PlanSummary]>) {
    if (plan.fullScan) problems.push(`${name} query scans the whole table: ${plan.text}`);
  }
  const sortField = shape.params.sort?.[0] ?? def.defaultSort?.field ?? 'created_at';
  const narrowed = plans.ids.indexConditions.length > 0;
  if (plans.ids.sort === 'full' && !narrowed) problems.push(`ids query sorts every row: ${plans.ids.text}`);
  if (!shape.params.filter && plans.ids.sort !== 'none' && !(plans.ids.sort === 'partial' && nearlyUnique(sortField))) {
    problems.push(`no index gives the order ${sortField}, id: ${plans.ids.text}`);
  }
  for (const column of new Set(filteredColumns(def, shape))) {
    const mentions = new RegExp(`(^|[^a-z_])${column}([^a-z_]|$)`);
    if (!plans.count.indexConditions.some((c) => mentions.test(c))) {
      problems.push(`no index serves the filter on ${column}: ${plans.count.text}`);
    }
  }
  return problems;
}
