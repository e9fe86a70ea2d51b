// GET /api/search: one box that takes any id or the start of one, a reference, an email, card
// last 4, an auth code, a payout number or a name, and finds the records it names. An exact id
// is one primary-key lookup and answers with that record alone; anything else runs each
// resource's declared `search` terms — the very `q` of its list — so every group's total is the
// total of the list that "see all" opens, and a query only probes the indexes its shape fits,
// never a full scan of a big table.
import type { Role } from '../../shared/enums.ts';
import { ID_PREFIXES, normalizeId, type IdKind } from '../../shared/ids.ts';
import { HITS_PER_RESOURCE, SEARCH_MIN_LENGTH, type SearchGroup, type SearchHit, type SearchResponse } from '../../shared/api/search.ts';
import type { Db } from '../db/connect.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { countRows, fetchOne, filteredQuery, toRecords } from '../list/listQuery.ts';
import { resources } from '../resources/index.ts';

/** Resources searched by text, in the order their groups are shown. */
const TEXT_SEARCHED = resources.filter((r) => r.inSearchBox).map((r) => r.def.name);

/** Which resource an id prefix names. Notes and attachments lead to their dispute. */
const RESOURCE_OF_KIND = new Map<IdKind, string>(resources.flatMap((r) => (r.idKind ? [[r.idKind, r.def.name] as const] : [])));
const DISPUTE_CHILD_TABLES: Partial<Record<IdKind, string>> = { note: 'dispute_notes', attachment: 'dispute_attachments' };
const KIND_OF_PREFIX = new Map<string, IdKind>(Object.entries(ID_PREFIXES).map(([kind, prefix]) => [prefix, kind as IdKind]));

function readable(name: string, role: Role): ResourceDefinition | undefined {
  const entry = resources.find((r) => r.def.name === name);
  return entry && entry.read.includes(role) ? entry.def : undefined;
}

/** True when at least one of the resource's search terms fits the shape of `q`. */
export function searchApplies(def: ResourceDefinition, q: string): boolean {
  return (def.search ?? []).some((term) => {
    if (term.when && !term.when(q)) return false;
    const value = term.normalize ? term.normalize(q) : q;
    return value !== null && value !== '';
  });
}

function toHit(resource: string, record: Record<string, unknown>): SearchHit {
  const hit: SearchHit = { resource, id: String(record.id), record };
  // A payment's status as people read it: "Refunded", not the processing status "captured".
  const status = record.display_status ?? record.status;
  if (typeof status === 'string') hit.status = status;
  return hit;
}

async function findById(db: Db, role: Role, id: string): Promise<SearchHit | undefined> {
  const kind = KIND_OF_PREFIX.get(id.slice(0, id.indexOf('_')));
  if (!kind) return undefined;
  const childTable = DISPUTE_CHILD_TABLES[kind];
  if (childTable) {
    const child = await db(childTable).where('id', id).first('dispute_id');
    return child ? findById(db, role, child.dispute_id) : undefined;
  }
  const name = RESOURCE_OF_KIND.get(kind);
  const def = name && readable(name, role);
  if (!name || !def) return undefined;
  const record = await fetchOne(db, def, id);
  return record && toHit(name, record);
}

async function searchResource(db: Db, name: string, def: ResourceDefinition, q: string): Promise<SearchGroup | undefined> {
  // No ORDER BY: sorting would let the planner walk a created_at index across the whole table
  // instead of probing the few matching keys; the handful of rows is sorted here instead.
  const rows = await filteredQuery(db, def, { conditions: [], q })
    .select(def.columns.map((c) => `${def.table}.${c}`))
    .limit(HITS_PER_RESOURCE);
  if (rows.length === 0) return undefined;
  const records = toRecords(def, rows).sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
  // Fewer than a handful is the whole answer; otherwise the list's own (capped) count.
  const total = rows.length < HITS_PER_RESOURCE ? { total: rows.length, exact: true } : await countRows(db, def, { conditions: [], q });
  return { resource: name, ...total, hits: records.map((r) => toHit(name, r)) };
}

export async function searchRecords(db: Db, role: Role, rawQuery: string): Promise<SearchResponse> {
  const q = rawQuery.trim();
  if (q.length < SEARCH_MIN_LENGTH) return { q, exactId: false, groups: [] };

  const id = normalizeId(q);
  if (id) {
    const hit = await findById(db, role, id);
    if (hit) return { q, exactId: true, groups: [{ resource: hit.resource, total: 1, exact: true, hits: [hit] }] };
  }

  const groups: SearchGroup[] = [];
  for (const name of TEXT_SEARCHED) {
    const def = readable(name, role);
    if (!def || !searchApplies(def, q)) continue;
    const group = await searchResource(db, name, def, q);
    if (group) groups.push(group);
  }
  return { q, exactId: false, groups };
}
