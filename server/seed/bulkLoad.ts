// Bulk loading for the seed: the fastest plain-SQL path each engine offers, inside one
// transaction. SQLite gets prepared single-row INSERTs on the raw better-sqlite3 connection (no
// SQL building per row, no promises); PostgreSQL gets COPY, in batches of a few thousand rows,
// pipelined so generating the next batch overlaps with the server writing this one.
//
// For a large load the secondary indexes (and, on PostgreSQL, the foreign keys) are set aside
// and rebuilt afterwards from what the catalog said before (server/db/deferredIndexes.ts):
// building an index once from sorted data is far cheaper than maintaining it row by row, and
// reading the definitions from the catalog keeps the schema exactly what the migrations made.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Sqlite from 'better-sqlite3';
import type { Knex } from 'knex';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../db/connect.ts';
import { restoreDeferredIndexes, setIndexesAside } from '../db/deferredIndexes.ts';

export type Row = Record<string, unknown>;

export interface RowSink {
  /** Queues (or writes) one row; all rows of a table carry the same keys. */
  add(table: string, row: Row): void;
  /** The same, as values in the order of `columns` (always the same columns for a table). */
  addValues(table: string, columns: string[], values: unknown[]): void;
  /** Between units of work: writes full batches, waiting when the database falls behind. */
  drain(): Promise<void>;
  /** Writes everything still queued. */
  flush(): Promise<void>;
  readonly counts: Record<string, number>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

class SqliteSink implements RowSink {
  readonly counts: Record<string, number> = {};
  private statements = new Map<string, { columns: string[]; run: (values: unknown[]) => unknown }>();

  constructor(private conn: Sqlite.Database) {}

  private statement(table: string, columns: string[]) {
    let s = this.statements.get(table);
    if (!s) {
      const stmt = this.conn.prepare(
        `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      s = { columns, run: (values) => stmt.run(values) };
      this.statements.set(table, s);
    }
    return s;
  }

  add(table: string, row: Row) {
    const s = this.statement(table, Object.keys(row));
    this.addValues(table, s.columns, s.columns.map((c) => row[c]));
  }

  addValues(table: string, columns: string[], values: unknown[]) {
    const s = this.statement(table, columns);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === undefined) values[i] = null;
      else if (typeof v === 'boolean') values[i] = Number(v);
    }
    s.run(values);
    this.counts[table] = (this.counts[table] ?? 0) + 1;
  }

  async drain() {}
  async flush() {}
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: \N for NULL, backslash escapes for the few special bytes. */
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : s;
}

class PgSink implements RowSink {
  readonly counts: Record<string, number> = {};
  private buffers = new Map<string, { columns: string[]; lines: string[] }>();
  private pending: Promise<unknown> | undefined;

  /** `tables` in dependency order: when one batch is full, all are written, parents first. */
  constructor(private conn: pg.PoolClient, tables: string[], private batchRows = 5000) {
    for (const t of tables) this.buffers.set(t, { columns: [], lines: [] });
  }

  add(table: string, row: Row) {
    const columns = Object.keys(row);
    this.addValues(table, columns, columns.map((c) => row[c]));
  }

  addValues(table: string, columns: string[], values: unknown[]) {
    let b = this.buffers.get(table);
    if (!b) this.buffers.set(table, (b = { columns: [], lines: [] }));
    if (b.lines.length === 0) b.columns = columns;
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i ? '\t' : '') + copyText(values[i]);
    b.lines.push(line);
    this.counts[table] = (this.counts[table] ?? 0) + 1;
  }

  async drain() {
    if ([...this.buffers.values()].some((b) => b.lines.length >= this.batchRows)) await this.send();
  }

  async flush() {
    await this.send();
    await this.pending;
  }

  /**
   * Sends every buffered table (one COPY each) and returns without waiting for it, so the next
   * batch is generated while the server writes this one; it waits only for the batch before
   * (one statement in flight on the connection at a time).
   */
  private async send() {
    const batches: Array<{ sql: string; data: string }> = [];
    for (const [table, b] of this.buffers) {
      if (!b.lines.length) continue;
      batches.push({ sql: `copy ${quote(table)} (${b.columns.map(quote).join(', ')}) from stdin`, data: `${b.lines.join('\n')}\n` });
      b.lines = [];
    }
    await this.pending;
    const run = async () => {
      for (const { sql, data } of batches) await pipeline(Readable.from([data]), this.conn.query(copyFrom(sql)));
    };
    this.pending = run();
    this.pending.catch(() => {}); // awaited by the next send or by flush; this only avoids an early warning
  }
}

export interface BulkLoadOptions {
  /** Tables the load writes, parents first; their indexes are set aside when `deferIndexes`. */
  tables: string[];
  deferIndexes: boolean;
  log?: (message: string) => void;
}

/**
 * Runs `load` in one transaction with a sink of the engine's fastest kind. Returns what `load`
 * returns once every row is written, the indexes are back and the statistics are fresh.
 */
export async function bulkLoad<T>(
  db: Db,
  opts: BulkLoadOptions,
  load: (sink: RowSink, trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  // SQLite checks foreign keys row by row and cannot switch that off inside a transaction; the
  // seed writes parents and children consistently, and the seed tests check for orphans.
  if (db.engine === 'sqlite') await db.raw('pragma foreign_keys = off');
  // In WAL mode every page of a multi-gigabyte load is written twice (to the log, then copied
  // into the database). A rollback journal writes new pages once and journals almost nothing
  // for a database that was empty. Switching needs the only connection to the file, which a
  // seed has (at first start or from the CLI); if another process holds it, WAL stays.
  let restoreWal = false;
  if (db.engine === 'sqlite' && opts.deferIndexes && (await journalMode(db)) === 'wal') {
    restoreWal = (await journalMode(db, 'truncate')) === 'truncate';
  }
  const log = opts.log ?? (() => {});
  const started = Date.now();
  let result: T;
  try {
    result = await db.transaction(async (trx) => {
      const conn = await trx.client.acquireConnection();
      if (db.engine === 'sqlite') {
        conn.pragma('cache_size = -262144'); // 256 MiB while loading; restored below
        conn.pragma('threads = 2'); // lets CREATE INDEX sort with a helper thread
        conn.pragma('mmap_size = 4294967296'); // index builds read the table through the page cache of the OS
      } else {
        await trx.raw(`set local maintenance_work_mem = '512MB'`);
      }
      const restore = opts.deferIndexes ? await setIndexesAside(trx, db.engine, opts.tables) : async () => {};
      const sink = db.engine === 'sqlite' ? new SqliteSink(conn) : new PgSink(conn, opts.tables);
      const out = await load(sink, trx);
      await sink.flush();
      log(`rows written in ${seconds(started)} s`);
      if (opts.deferIndexes && db.engine === 'sqlite') {
        const at = Date.now();
        await restore();
        log(`indexes rebuilt in ${seconds(at)} s`);
      }
      return out;
    });
    if (opts.deferIndexes && db.engine === 'pg') {
      const at = Date.now();
      await restoreDeferredIndexes(db); // after the commit, several at a time (deferredIndexes.ts)
      log(`indexes rebuilt in ${seconds(at)} s`);
    }
  } finally {
    if (db.engine === 'sqlite') {
      await db.raw('pragma foreign_keys = on');
      await db.raw('pragma cache_size = -65536');
      await db.raw('pragma threads = 0');
      await db.raw('pragma mmap_size = 0');
      if (restoreWal) await journalMode(db, 'wal');
    }
  }
  if (opts.deferIndexes) {
    const at = Date.now();
    await refreshStatistics(db, opts.tables);
    log(`statistics refreshed in ${seconds(at)} s`);
  }
  return result;
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

async function journalMode(db: Db, mode?: string): Promise<string> {
  const rows = await db.raw(`pragma journal_mode${mode ? ` = ${mode}` : ''}`);
  return String(rows[0]?.journal_mode ?? '').toLowerCase();
}

/** Fresh planner statistics (and, on PostgreSQL, the visibility map index-only scans need). */
export async function refreshStatistics(db: Db, tables: string[]): Promise<void> {
  if (db.engine === 'sqlite') {
    // A sample of each index is enough for the planner and keeps this to a second or two.
    await db.raw('pragma analysis_limit = 2000');
    for (const t of tables) await db.raw(`analyze ${quote(t)}`);
    await db.raw('pragma analysis_limit = 0');
  } else {
    await db.raw(`vacuum (analyze) ${tables.map(quote).join(', ')}`);
  }
}
