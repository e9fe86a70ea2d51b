// Facet counts: how many records match each value of an enum field together with the list's
// other filters — the numbers beside a filter sidebar's values. Asked with the list page itself
// (`facets=status,reason`) and answered in its X-Facet-Counts header, so a list with counted
// values is one request, not one per value (issue #13). Each count is countRows' bounded, cached
// count: at most EXACT_TOTAL_LIMIT + 1 index entries, whatever the table's size.
import type { Knex } from 'knex';
import { badRequest } from '../errors.ts';
import type { ResourceDefinition } from './definition.ts';
import { countRows, type Total } from './listQuery.ts';
import type { ListQuery } from './parseListQuery.ts';

/** Facets a request may ask for at once (each is one count per value). */
export const MAX_FACETS = 3;

export type FacetCounts = Record<string, Record<string, Total>>;

/** The enum fields named by `facets` (comma-separated), or a 400 naming what is wrong. */
export function parseFacets(def: ResourceDefinition, raw: unknown): string[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'string') throw badRequest('"facets" must be a comma-separated list of fields');
  const fields = [...new Set(raw.split(',').map((f) => f.trim()).filter(Boolean))];
  if (fields.length > MAX_FACETS) throw badRequest(`"facets" may name at most ${MAX_FACETS} fields`);
  for (const field of fields) {
    const spec = def.fields[field];
    if (!spec || spec.type !== 'enum' || !spec.filter || !spec.values) {
      throw badRequest(`"facets": ${def.name} cannot count by "${field}" (only enum fields that filter)`);
    }
  }
  return fields;
}

export async function facetCounts(db: Knex, def: ResourceDefinition, query: ListQuery, fields: string[]): Promise<FacetCounts> {
  const counts: FacetCounts = {};
  for (const field of fields) {
    const spec = def.fields[field];
    const others = query.conditions.filter((c) => c.field !== field);
    counts[field] = {};
    for (const value of spec.values ?? []) {
      const conditions = [...others, { field, column: spec.column ?? field, op: 'eq' as const, value }];
      counts[field][value] = await countRows(db, def, { conditions, q: query.q });
    }
  }
  return counts;
}
