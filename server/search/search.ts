// GET /api/search: one box that takes any id, reference, email, card last 4 or name and finds
// the records it names. An exact id is one primary-key lookup and answers with that record
// alone; anything else runs each resource's declared `search` terms (the same ones `q` uses on
// lists), so a query only probes the indexes its shape fits, never a full scan of a big table.
import type { Role } from '../../shared/enums.ts';
import { ID_PREFIXES, normalizeId, type IdKind } from '../../shared/ids.ts';
import type { Db } from '../db/connect.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { fetchOne, filteredQuery, toRecords } from '../list/listQuery.ts';
import { resources } from '../resources/index.ts';
import { SEARCH_LABELS } from './labels.ts';

export interface SearchHit {
  resource: string;
  id: string;
  label: string;
  /** The record's status, when it has one, so the SPA can show its chip. */
  status?: string;
}

/** At most this many hits per resource: the box is for finding, lists are for browsing. */
export const HITS_PER_RESOURCE = 5;
export const MAX_QUERY_LENGTH = 200;

/** Resources searched by text, in the order their hits are shown. */
const TEXT_SEARCHED = ['payments', 'intents', 'refunds', 'disputes', 'payouts', 'merchants', 'plans', 'users'];

/** Which resource an id prefix names. Notes and attachments lead to their dispute. */
const RESOURCE_OF_KIND: Partial<Record<IdKind, string>> = {
  merchant: 'merchants', plan: 'plans', intent: 'intents', payment: 'payments', refund: 'refunds',
  dispute: 'disputes', payout: 'payouts', transaction: 'transactions', user: 'users', audit: 'audit',
};
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

function toHit(resource: string, record: Record<string, any>): SearchHit {
  const label = SEARCH_LABELS[resource]?.(record) ?? String(record.id);
  const hit: SearchHit = { resource, id: String(record.id), label };
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
  const name = RESOURCE_OF_KIND[kind];
  const def = name && readable(name, role);
  if (!name || !def) return undefined;
  const record = await fetchOne(db, def, id);
  return record && toHit(name, record);
}

export async function searchRecords(db: Db, role: Role, rawQuery: string): Promise<SearchHit[]> {
  const q = rawQuery.trim();
  if (q.length < 2) return [];

  const id = normalizeId(q);
  if (id) {
    const hit = await findById(db, role, id);
    if (hit) return [hit];
  }

  const hits: SearchHit[] = [];
  for (const name of TEXT_SEARCHED) {
    const def = readable(name, role);
    if (!def || !searchApplies(def, q)) continue;
    // No ORDER BY: sorting would let the planner walk a created_at index across the whole table
    // instead of probing the few matching keys; the handful of rows is sorted here instead.
    const rows = await filteredQuery(db, def, { conditions: [], q })
      .select(def.columns.map((c) => `${def.table}.${c}`))
      .limit(HITS_PER_RESOURCE);
    const records = toRecords(def, rows).sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
    hits.push(...records.map((r) => toHit(name, r)));
  }
  return hits;
}
