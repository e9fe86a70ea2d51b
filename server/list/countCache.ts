// Remembers, for a few seconds, which filtered lists hold "more than 10,000" rows, so the first
// page of a big list (what every visit to the payments screen asks for) does not walk ten
// thousand index entries each time to say the same thing again.
//
// Only capped totals are kept, never exact ones: an exact total must change the moment a row is
// written, while "more than 10,000" stays true unless thousands of rows stop matching. Any write
// to a table through this process clears its entries at once; writes by other instances (several
// servers on one PostgreSQL) are seen after at most TTL_MS. That is the whole staleness: a list
// that shrank below the limit in the last few seconds may still read "more than 10,000".
import type { Knex } from 'knex';
import type { Total } from './listQuery.ts';

export const COUNT_TTL_MS = 5_000;
const MAX_ENTRIES = 2_000;
const WRITE = /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from|replace\s+into|truncate(?:\s+table)?)\s+[`"]?(\w+)/i;

interface Entry {
  table: string;
  total: Total;
  expires: number;
}

class CountCache {
  private entries = new Map<string, Entry>();

  constructor(private now: () => number) {}

  get(key: string): Total | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.total;
  }

  set(key: string, table: string, total: Total) {
    if (total.exact) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { table, total, expires: this.now() + COUNT_TTL_MS });
  }

  forget(table: string) {
    for (const [key, e] of this.entries) if (e.table === table) this.entries.delete(key);
  }
}

const caches = new WeakMap<Knex, CountCache>();

/** The cache of one database handle (one per app instance), listening to its writes. */
export function countCacheOf(db: Knex): CountCache | undefined {
  if (db.isTransaction) return undefined; // a transaction sees its own uncommitted rows
  let cache = caches.get(db);
  if (!cache) {
    const c = new CountCache(() => Date.now());
    db.on('query', (q: { sql?: string }) => {
      const m = q.sql ? WRITE.exec(q.sql) : null;
      if (m) c.forget(m[1]);
    });
    caches.set(db, (cache = c));
  }
  return cache;
}
