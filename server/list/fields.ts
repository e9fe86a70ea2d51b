// Shorthands for the field specs resources declare, so definitions read like a table. Each may
// take `{ sort: false }` (or `{ filter: false }`): on the tables that grow with payments every
// sortable field costs an index, so fields nobody sorts by are filter-only there.
import type { FieldSpec } from './definition.ts';

type Options = Partial<Pick<FieldSpec, 'filter' | 'sort'>>;
const spec = (type: FieldSpec['type'], opts: Options = {}, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type, ...extra, filter: true, sort: true, ...opts,
});

/** A 32-bit `integer` column (PostgreSQL int4). */
export const INT4 = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;
/**
 * A 64-bit `bigint` column (money in minor units), as far as JavaScript numbers are exact: filter
 * values are numbers, and past 2^53 they would no longer be the value typed.
 */
export const INT8_SAFE = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER } as const;

export const field = {
  /** Primary id: filter (incl. getMany lists) and sort. */
  id: (opts?: Options) => spec('id', opts),
  /** A `*_id` reference: filterable (getManyReference), sortable so columns can group by it. */
  ref: (opts?: Options) => spec('id', opts),
  enum: (values: readonly string[], opts?: Options) => spec('enum', opts, { values }),
  /** Minor units in a `bigint` column, either sign (ledger entries, balances). */
  money: (opts?: Options) => spec('integer', opts, INT8_SAFE),
  /** Minor units in a `bigint` column that is never negative (a payment's amount, its fee). */
  amount: (opts?: Options) => spec('integer', opts, { ...INT8_SAFE, nonNegative: true }),
  /** A count or number in an `integer` column. */
  integer: (opts?: Options) => spec('integer', opts, INT4),
  time: (opts?: Options) => spec('datetime', opts),
  date: (opts?: Options) => spec('date', opts),
  currency: (opts?: Options) => spec('currency', opts),
  text: (opts?: Options) => spec('string', opts),
  /** The last four digits of a card number. */
  last4: (opts?: Options) => spec('string', opts, { format: { pattern: /^\d{4}$/, message: 'must be 4 digits' } }),
  boolean: (opts?: Options) => spec('boolean', opts),
};

/** Marks a field whose column may be NULL (see FieldSpec.nullable). */
export const nullable = (spec: FieldSpec): FieldSpec => ({ ...spec, nullable: true });
