// Shorthands for the field specs resources declare, so definitions read like a table. Each may
// take `{ sort: false }` (or `{ filter: false }`): on the tables that grow with payments every
// sortable field costs an index, so fields nobody sorts by are filter-only there.
import type { FieldSpec } from './definition.ts';

type Options = Partial<Pick<FieldSpec, 'filter' | 'sort'>>;
const spec = (type: FieldSpec['type'], opts: Options = {}, values?: readonly string[]): FieldSpec => ({
  type, ...(values ? { values } : {}), filter: true, sort: true, ...opts,
});

export const field = {
  /** Primary id: filter (incl. getMany lists) and sort. */
  id: (opts?: Options) => spec('id', opts),
  /** A `*_id` reference: filterable (getManyReference), sortable so columns can group by it. */
  ref: (opts?: Options) => spec('id', opts),
  enum: (values: readonly string[], opts?: Options) => spec('enum', opts, values),
  money: (opts?: Options) => spec('integer', opts),
  integer: (opts?: Options) => spec('integer', opts),
  time: (opts?: Options) => spec('datetime', opts),
  date: (opts?: Options) => spec('date', opts),
  currency: (opts?: Options) => spec('currency', opts),
  text: (opts?: Options) => spec('string', opts),
  boolean: (opts?: Options) => spec('boolean', opts),
};

/** Marks a field whose column may be NULL (see FieldSpec.nullable). */
export const nullable = (spec: FieldSpec): FieldSpec => ({ ...spec, nullable: true });
