// The list query shapes of docs/scaling.md's targets, derived from a resource definition and a sample of its
// rows: the first page, each filter (equality, and a range where the field has an order), each
// sort, each kind of `q` the resource searches by, and page 400. The benchmark times them on a
// million payments; the query-plan tests check that each one is served by an index. Deriving
// them from the definition means a field added to a resource is benchmarked and plan-checked
// without anyone remembering to list it.
import type { Knex } from 'knex';
import { DAY_MS as DAY, utcDay } from '../../shared/days.ts';
import type { ResourceDefinition } from '../list/definition.ts';

export interface ListParams {
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
  filter?: Record<string, unknown>;
}

export interface ListShape {
  resource: string;
  name: string;
  kind: 'first page' | 'filter' | 'range' | 'sort' | 'q' | 'deep page';
  params: ListParams;
}

/** Page 400 at 25 a page: the deepest page the SPA offers before "more than 10,000". */
export const DEEP_PAGE: [number, number] = [9975, 9999];

/** The table's size and a few hundred consecutive rows from its middle (by id): typical values. */
/** A row of any table, read by column name. */
type SampleRow = Record<string, unknown>;

export async function sampleRows(db: Knex, def: ResourceDefinition, size = 200): Promise<{ rows: number; sample: SampleRow[] }> {
  const [{ n }] = await db(def.table).count({ n: '*' });
  const rows = Number(n);
  const mid = await db(def.table).orderBy('id').offset(Math.floor(rows / 2)).first('id');
  if (!mid) return { rows, sample: [] };
  const sample: SampleRow[] = await db(def.table).where('id', '>=', mid.id).orderBy('id').limit(size);
  // Search terms that match through another table (a merchant's name) are sampled from there.
  for (const term of def.search ?? []) {
    if (!term.lookup) continue;
    const ids = [...new Set(sample.map((r) => r[term.column]).filter((id): id is string => typeof id === 'string' && id !== ''))];
    const names = new Map<string, string>();
    for (const row of await db(term.lookup.table).whereIn('id', ids).select('id', term.lookup.column)) {
      names.set(row.id, row[term.lookup.column]);
    }
    for (const row of sample) row[lookupKey(term.column)] = names.get(row[term.column] as string);
  }
  return { rows, sample };
}

/** Where sampleRows puts the looked-up value of a row's `column` (a merchant's name). */
const lookupKey = (column: string) => `${column}:lookup`;

const firstValue = (rows: SampleRow[], column: string, accept: (v: unknown) => boolean = (v) => v !== null && v !== undefined) =>
  rows.map((r) => r[column]).find(accept);

function rangeFor(type: string, value: unknown): [unknown, unknown] | undefined {
  switch (type) {
    case 'integer':
      return [value, Number(value) * 2];
    case 'datetime':
      return [new Date(Date.parse(String(value)) - 7 * DAY).toISOString(), value];
    case 'date':
      return [utcDay(Date.parse(String(value)) - 7 * DAY), value];
    default:
      return undefined;
  }
}

function searchSample(rows: SampleRow[], column: string, match: string): string | undefined {
  const value = firstValue(rows, column, (v) => typeof v === 'string' && v.length > 0);
  if (typeof value !== 'string') return undefined; // none found (every value accepted is a string)
  if (match === 'exact') return column === 'id' || column.endsWith('_id') ? value.toLowerCase() : value;
  // A prefix as a person types it: most of the value, in another case than stored.
  if (match === 'prefix') return value.slice(0, Math.max(3, value.length - 3)).toLowerCase();
  return value.slice(1, Math.max(3, Math.floor(value.length / 2)));
}

/** `rows`: the table's size; page 400 is a shape only where there is a page 400. */
export function listShapes(def: ResourceDefinition, sample: SampleRow[], rows: number): ListShape[] {
  const shapes: ListShape[] = [];
  const add = (kind: ListShape['kind'], name: string, params: ListParams) =>
    shapes.push({ resource: def.name, name, kind, params });

  add('first page', 'first page', {});
  for (const [field, spec] of Object.entries(def.fields)) {
    if (!spec.filter) continue;
    const column = spec.column ?? field;
    if (spec.type === 'id' && field === 'id') {
      add('filter', 'getMany (25 ids)', { filter: { id: sample.slice(0, 25).map((r) => r.id) } });
      continue;
    }
    const value = firstValue(sample, column);
    if (value !== undefined) add('filter', `${field} = ${value}`, { filter: { [field]: spec.type === 'boolean' ? Boolean(value) : value } });
    const positive = firstValue(sample, column, (v) => typeof v === 'number' ? v > 0 : v !== null && v !== undefined);
    const range = positive === undefined ? undefined : rangeFor(spec.type, positive);
    if (range) add('range', `${field} ${range[0]} … ${range[1]}`, { filter: { [`${field}_gte`]: range[0], [`${field}_lte`]: range[1] } });
  }
  for (const [field, spec] of Object.entries(def.fields)) {
    if (spec.sort) add('sort', `sort ${field} DESC`, { sort: [field, 'DESC'] });
  }
  const seen = new Set<string>();
  for (const term of def.search ?? []) {
    const q = searchSample(sample, term.lookup ? lookupKey(term.column) : term.column, term.match);
    const kind = `${term.column} ${term.match}`;
    if (q === undefined || (term.when && !term.when(q)) || (term.normalize && !term.normalize(q)) || seen.has(kind)) continue;
    seen.add(kind);
    add('q', `q ${term.match} ${term.lookup ? `${term.lookup.table}.${term.lookup.column} → ` : ''}${term.column} "${q}"`, { filter: { q } });
  }
  if (rows > DEEP_PAGE[1]) add('deep page', 'page 400 (rows 9975–9999)', { range: DEEP_PAGE });
  return shapes;
}

/** The query-string values parseListQuery reads (each parameter JSON-encoded). */
export function rawQuery(params: ListParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (params.sort) out.sort = JSON.stringify(params.sort);
  if (params.range) out.range = JSON.stringify(params.range);
  if (params.filter) out.filter = JSON.stringify(params.filter);
  return out;
}

export function listPath(resource: string, params: ListParams): string {
  const q = new URLSearchParams(rawQuery(params)).toString();
  return `/api/${resource}${q ? `?${q}` : ''}`;
}
