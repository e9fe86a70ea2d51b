// A resource definition is everything the list engine needs to serve a resource: its table,
// which fields filter and sort (and how values are typed), what `q` searches, and how a row
// becomes the JSON record. Resources declare it once; the engine does the rest.
import type { Knex } from 'knex';
import type { Config } from '../config.ts';
import type { Tables } from '../db/tables.ts';

export type FieldType = 'id' | 'string' | 'enum' | 'integer' | 'datetime' | 'date' | 'boolean' | 'currency';

export interface FieldSpec {
  type: FieldType;
  /** Allowed values of an enum field. */
  values?: readonly string[];
  filter?: boolean;
  sort?: boolean;
  /** Column in the table, when it differs from the field name. */
  column?: string;
  /** The column may be NULL: sorting places empty values first in ASC, last in DESC. */
  nullable?: boolean;
  /**
   * Integer fields: the smallest and largest value the column holds. A filter outside is a 400
   * naming the field — PostgreSQL would refuse the comparison itself (a 500, and an export cut
   * mid-stream).
   */
  min?: number;
  max?: number;
  /** Integer fields that never hold a negative value (amounts other than ledger entries): a negative filter is a typo, refused. */
  nonNegative?: boolean;
  /** String fields whose values all have one shape (card last 4): a filter of another shape is refused, with `message`. */
  format?: { pattern: RegExp; message: string };
}

/**
 * One way `q` can match. Terms apply only when `when` accepts the query, so a search for "4242"
 * probes the card_last4 index and a search for "ana@" the email index, never a full scan.
 */
export interface SearchTerm {
  column: string;
  match: 'exact' | 'prefix' | 'contains';
  /**
   * The column references another (small) table: `match` applies to `lookup.column` there, and
   * the rows whose `column` holds one of the ids found match.
   */
  lookup?: { table: string; column: string };
  when?: (q: string) => boolean;
  normalize?: (q: string) => string | null;
}

/**
 * A resource over one table. `Row` is what the list engine reads (the `columns` of the table),
 * `Rec` the JSON record `toRecord` makes of it. Engine code takes the defaults: a definition
 * of any table is a ResourceDefinition, since `toRecord` and `computed.add` are declared as
 * methods (their parameters are compared both ways).
 */
export interface ResourceDefinition<Row extends object = Record<string, unknown>, Rec extends object = Record<string, unknown>> {
  name: string;
  table: string;
  /** Columns returned by list and getOne. Never secrets or blobs. */
  columns: readonly string[];
  fields: Record<string, FieldSpec>;
  search?: readonly SearchTerm[];
  defaultSort?: { field: string; order: 'ASC' | 'DESC' };
  toRecord?(row: Row): Rec;
  /** Extra WHERE applied to every query (e.g. hide rows); rarely needed. */
  scope?: (qb: Knex.QueryBuilder) => void;
  /**
   * Fields the API computes for the records it answers with (list pages, getOne, an action's
   * answer), read after the page in one query for the whole page: what a screen needs at a
   * glance (a user's name, a payout's approvals) without a second round trip or a wider role.
   * Never filtered or sorted on; exports leave them out.
   */
  computed?: ComputedFields<Rec>;
}

export interface ComputedFields<Rec extends object = Record<string, unknown>> {
  /** The names it adds to each record (the OpenAPI document lists them). */
  fields: readonly string[];
  /** Sets the fields on the records themselves. */
  add(db: Knex | Knex.Transaction, records: Rec[], config: Config): Promise<void>;
}

/**
 * Declares a resource over `table`: its `columns` are checked against the table's row type
 * (server/db/tables.ts) and `toRecord` receives exactly those columns.
 */
export function defineResource<
  T extends keyof Tables & string,
  C extends keyof Tables[T] & string,
  Rec extends object = Pick<Tables[T], C>,
>(def: ResourceDefinition<Pick<Tables[T], C>, Rec> & { table: T; columns: readonly C[] }): ResourceDefinition<Pick<Tables[T], C>, Rec> {
  return def;
}
