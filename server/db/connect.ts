// One Knex instance per process, for SQLite (embedded default) or PostgreSQL (scale-out).
import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import knex, { type Knex } from 'knex';
import pg from 'pg';
import { migrationSource } from '../../migrations/index.ts';
import { restoreDeferredIndexes } from './deferredIndexes.ts';

// bigint (20) and numeric (1700) come back from pg as strings; every such value here is money
// or a count well inside 2^53, so numbers are what both sides expect.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Engine = 'sqlite' | 'pg';
export type Db = Knex & { engine: Engine };

export function engineOf(url: string): Engine {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'pg';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:")`);
}

// compileSqlOnError: false — a failed query's error message shows its SQL with placeholders, not
// the bound values (which may be password hashes, emails or tokens) that would then reach the logs.
export function connect(url: string, opts: { poolMax?: number } = {}): Db {
  const engine = engineOf(url);
  let db: Knex;
  if (engine === 'pg') {
    db = knex({ client: 'pg', connection: url, pool: { min: 0, max: opts.poolMax ?? 10 }, compileSqlOnError: false });
  } else {
    const file = url.slice('sqlite:'.length) || ':memory:';
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = knex({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
      compileSqlOnError: false,
      // better-sqlite3 is synchronous: one connection serialises every statement and transaction,
      // which is what makes conditional updates race-free on SQLite.
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: Sqlite.Database, done: (err: Error | null, conn: Sqlite.Database) => void) => {
          conn.pragma('journal_mode = WAL');
          conn.pragma('synchronous = NORMAL'); // WAL + NORMAL survives a killed process
          conn.pragma('foreign_keys = ON');
          conn.pragma('busy_timeout = 5000');
          conn.pragma('cache_size = -65536');
          conn.pragma('temp_store = MEMORY');
          cachePreparedStatements(conn);
          done(null, conn);
        },
      },
    });
  }
  return Object.assign(db, { engine });
}

/**
 * knex prepares every SQLite statement anew, and parsing and planning costs more than running
 * the small indexed queries a list page makes; the same SQL comes back with new bindings on
 * every request, so the connection keeps its most recent prepared statements. (SQLite re-plans
 * a kept statement by itself after a schema change.)
 */
function cachePreparedStatements(conn: Sqlite.Database, size = 500) {
  const prepare = conn.prepare.bind(conn);
  const statements = new Map<string, Sqlite.Statement>();
  // The same method, answering a kept statement: typed as the driver's own (generic) signature.
  conn.prepare = ((sql: string) => {
    let stmt = statements.get(sql);
    if (stmt) statements.delete(sql);
    else stmt = prepare(sql);
    statements.set(sql, stmt); // most recent last
    if (statements.size > size) statements.delete(statements.keys().next().value!);
    return stmt;
  }) as Sqlite.Database['prepare'];
}

export async function migrate(db: Db): Promise<void> {
  await db.migrate.latest({ migrationSource });
  // Finishes the index builds of a bulk load that was interrupted after its data committed.
  await restoreDeferredIndexes(db);
}
