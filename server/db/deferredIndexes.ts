// Sets tables' secondary indexes (and on PostgreSQL their foreign keys) aside for a bulk load and
// puts them back afterwards exactly as the catalog described them: whatever the migrations
// define is what comes back, with nothing listed here by hand. Primary keys and unique
// constraints stay, so duplicates still fail during the load.
//
// SQLite: everything happens in the load's transaction (it has one writer; nothing can run
// beside it), so a failed load rolls the drops back too.
//
// PostgreSQL: building indexes two at a time on two connections takes about 40% less time than
// one after another (measured on the million-payment seed), but other connections only see
// committed data. So the definitions are first written to `deferred_indexes` in the load's own
// transaction, together with the drops; after it commits, restoreDeferredIndexes() builds each
// index and deletes its row in one transaction, then re-adds the foreign keys the same way, and
// drops the table when it is empty. If the process dies in between, the rows say what is still
// missing, and the next migrate() (every start, every db:seed) finishes the job.
import type { Knex } from 'knex';
import type { Db, Engine } from './connect.ts';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const PENDING = 'deferred_indexes';
/** Index builds running at once on PostgreSQL (this machine class has two cores). */
const PARALLEL_BUILDS = 2;

/**
 * Drops the secondary indexes (and PostgreSQL foreign keys) of `tables` inside `trx`. On SQLite
 * returns the function that rebuilds them in the same transaction; on PostgreSQL they are
 * recorded for restoreDeferredIndexes(), to run after the commit.
 */
export async function setIndexesAside(trx: Knex.Transaction, engine: Engine, tables: string[]): Promise<() => Promise<void>> {
  return engine === 'sqlite' ? setAsideSqlite(trx, tables) : setAsidePg(trx, tables);
}

async function setAsideSqlite(trx: Knex.Transaction, tables: string[]) {
  // Indexes made by CREATE INDEX have their SQL in the catalog; those backing PRIMARY KEY and
  // UNIQUE constraints have none and cannot be dropped.
  const indexes: Array<{ name: string; sql: string }> = await trx('sqlite_master')
    .where('type', 'index')
    .whereNotNull('sql')
    .whereIn('tbl_name', tables)
    .orderBy('name')
    .select('name', 'sql');
  for (const { name } of indexes) await trx.raw(`drop index ${quote(name)}`);
  return async () => {
    for (const { sql } of indexes) await trx.raw(sql);
  };
}

async function setAsidePg(trx: Knex.Transaction, tables: string[]) {
  await trx.raw(
    `create table if not exists ${PENDING} (
       position serial primary key, kind text not null, table_name text not null, name text not null, sql text not null
     )`,
  );
  // Biggest tables first, so the two builders finish together.
  const { rows: indexes } = await trx.raw(
    `select t.relname as table_name, ic.relname as name, pg_get_indexdef(i.indexrelid) as sql
       from pg_index i
       join pg_class ic on ic.oid = i.indexrelid
       join pg_class t on t.oid = i.indrelid
      where t.relnamespace = current_schema()::regnamespace
        and t.relname = any(?)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = t.oid)
      order by pg_relation_size(t.oid) desc, ic.relname`,
    [tables],
  );
  const { rows: foreignKeys } = await trx.raw(
    `select t.relname as table_name, c.conname as name, pg_get_constraintdef(c.oid) as sql
       from pg_constraint c
       join pg_class t on t.oid = c.conrelid
      where c.contype = 'f'
        and t.relnamespace = current_schema()::regnamespace
        and t.relname = any(?)
      order by t.relname, c.conname`,
    [tables],
  );
  for (const ix of indexes) await trx(PENDING).insert({ kind: 'index', ...ix });
  for (const fk of foreignKeys) await trx(PENDING).insert({ kind: 'foreign key', ...fk });
  for (const fk of foreignKeys) await trx.raw(`alter table ${quote(fk.table_name)} drop constraint ${quote(fk.name)}`);
  for (const ix of indexes) await trx.raw(`drop index ${quote(ix.name)}`);
  return async () => {}; // restoreDeferredIndexes(), after the commit
}

interface Pending {
  position: number;
  kind: 'index' | 'foreign key';
  table_name: string;
  name: string;
  sql: string;
}

/** PostgreSQL: builds whatever a bulk load set aside and has not been built yet. */
export async function restoreDeferredIndexes(db: Db): Promise<void> {
  if (db.engine !== 'pg') return;
  const { rows: [{ exists }] } = await db.raw('select to_regclass(?) is not null as exists', [PENDING]);
  if (!exists) return;
  // Several instances may start at once: one restores, the others wait for it and find nothing.
  await db.transaction(async (lock) => {
    await lock.raw('select pg_advisory_xact_lock(hashtext(?))', [PENDING]);
    const { rows: [{ still }] } = await lock.raw('select to_regclass(?) is not null as still', [PENDING]);
    if (still) await restore(db);
  });
}

async function restore(db: Db): Promise<void> {
  const pending: Pending[] = await db(PENDING).orderBy('position');
  const indexes = pending.filter((p) => p.kind === 'index');
  const builders = Array.from({ length: PARALLEL_BUILDS }, async () => {
    for (let p = indexes.shift(); p; p = indexes.shift()) {
      const item = p;
      await db.transaction(async (trx) => {
        await trx.raw(`set local maintenance_work_mem = '512MB'`);
        await trx.raw(item.sql.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
        await trx(PENDING).where('position', item.position).delete();
      });
    }
  });
  await Promise.all(builders);
  // Re-adding a foreign key checks every existing row against its parent in one join.
  for (const fk of pending.filter((p) => p.kind === 'foreign key')) {
    await db.transaction(async (trx) => {
      const { rows } = await trx.raw(
        `select 1 from pg_constraint c join pg_class t on t.oid = c.conrelid
          where c.conname = ? and t.relname = ? and t.relnamespace = current_schema()::regnamespace`,
        [fk.name, fk.table_name],
      );
      if (rows.length === 0) await trx.raw(`alter table ${quote(fk.table_name)} add constraint ${quote(fk.name)} ${fk.sql}`);
      await trx(PENDING).where('position', fk.position).delete();
    });
  }
  const [{ n }] = await db(PENDING).count({ n: '*' });
  if (Number(n) === 0) await db.schema.dropTable(PENDING);
}
