// A select answered as arrays of values (in the order selected) instead of one object per row:
// an export reads every row of a list, and building a keyed object for each — then looking each
// value up by name again to write it — was most of its cost (docs/scaling.md, "Exports").
// PostgreSQL: pg's rowMode 'array'. SQLite: better-sqlite3's raw mode, on the connection knex
// pools (knex has no such option there); the connection is held for the one statement only, and
// knex's 'query' event is still emitted, so query observers see the export's queries as before.
import type { Knex } from 'knex';
import type { Db } from '../db/connect.ts';

/** What is used here of knex's client (which knex leaves untyped): its pool and its query event. */
interface PooledClient {
  acquireConnection(): Promise<RawConnection>;
  releaseConnection(conn: RawConnection): Promise<void>;
  emit(event: 'query', data: Record<string, unknown>): void;
}

/** A better-sqlite3 connection, as far as it is used here (raw mode answers arrays). */
interface RawConnection {
  __knexUid?: unknown;
  prepare(sql: string): { raw(on: boolean): void; all(params: unknown[]): unknown[][] };
}

export async function arrayRows(db: Db, qb: Knex.QueryBuilder): Promise<unknown[][]> {
  if (db.engine === 'pg') return qb.options({ rowMode: 'array' });
  const { sql, bindings } = qb.toSQL().toNative();
  const client: PooledClient = db.client;
  const conn = await client.acquireConnection();
  try {
    client.emit('query', { sql, bindings, method: 'select', __knexUid: conn.__knexUid });
    // The connection caches prepared statements (db/connect.ts) and others share this one: raw
    // mode is switched off again before anyone else can use it (the call is synchronous).
    const stmt = conn.prepare(sql);
    stmt.raw(true);
    try {
      return stmt.all(bindings.map(sqliteBinding));
    } finally {
      stmt.raw(false);
    }
  } finally {
    await client.releaseConnection(conn);
  }
}

/** As knex binds values on better-sqlite3: dates as epoch milliseconds, booleans as 0/1. */
function sqliteBinding(v: unknown): unknown {
  if (v instanceof Date) return v.valueOf();
  return typeof v === 'boolean' ? Number(v) : v;
}
