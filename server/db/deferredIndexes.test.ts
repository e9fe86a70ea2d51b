// Indexes set aside for a bulk load come back exactly as the migrations made them — also when
// the process died after the data committed and before the indexes were rebuilt (PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ENGINES, type TestDb } from '../test/harness.ts';
import { migrate } from './connect.ts';
import { restoreDeferredIndexes, setIndexesAside } from './deferredIndexes.ts';

const TABLES = ['payments', 'intents', 'refunds'];

async function catalog(t: TestDb): Promise<string[]> {
  if (t.db.engine === 'sqlite') {
    const rows = await t.db('sqlite_master').where('type', 'index').whereIn('tbl_name', TABLES).select('name', 'sql');
    return rows.map((r) => `${r.name}: ${r.sql}`).sort();
  }
  const { rows: indexes } = await t.db.raw(
    `select indexname || ': ' || indexdef as d from pg_indexes where schemaname = current_schema() and tablename = any(?)`, [TABLES],
  );
  const { rows: fks } = await t.db.raw(
    `select conname || ': ' || pg_get_constraintdef(oid) as d from pg_constraint where contype = 'f' and conrelid::regclass::text = any(?)`, [TABLES],
  );
  return [...indexes, ...fks].map((r: { d: string }) => r.d).sort();
}

describe.each(ENGINES)('indexes set aside for a bulk load on %s', (engine) => {
  let t: TestDb;
  let before: string[];
  beforeAll(async () => {
    t = await createTestDb(engine);
    before = await catalog(t);
  });
  afterAll(() => t.drop());

  it('drops the secondary indexes and puts back exactly the same ones', async () => {
    expect(before.length).toBeGreaterThan(20);
    await t.db.transaction(async (trx) => {
      const restore = await setIndexesAside(trx, engine, TABLES);
      const during = engine === 'sqlite'
        ? await trx('sqlite_master').where('type', 'index').whereIn('tbl_name', TABLES).whereNotNull('sql').count({ n: '*' })
        : (await trx.raw(`select count(*) as n from pg_indexes where tablename = any(?) and indexname not like '%pkey'`, [TABLES])).rows;
      expect(Number(during[0].n)).toBe(0);
      await restore();
    });
    await restoreDeferredIndexes(t.db);
    expect(await catalog(t)).toEqual(before);
  });

  it('rolls the drops back with a failed load', async () => {
    await expect(t.db.transaction(async (trx) => {
      await setIndexesAside(trx, engine, TABLES);
      throw new Error('load failed');
    })).rejects.toThrow('load failed');
    await restoreDeferredIndexes(t.db);
    expect(await catalog(t)).toEqual(before);
  });

  it.runIf(engine === 'pg')('finishes at the next migrate when the process died after the data committed', async () => {
    await t.db.transaction((trx) => setIndexesAside(trx, engine, TABLES)); // committed, never restored
    expect(await catalog(t)).not.toEqual(before);
    const [{ n }] = await t.db('deferred_indexes').count({ n: '*' });
    expect(Number(n)).toBeGreaterThan(20);
    await migrate(t.db);
    expect(await catalog(t)).toEqual(before);
    const { rows } = await t.db.raw(`select to_regclass('deferred_indexes') as r`);
    expect(rows[0].r).toBeNull();
  });
});
