// The large-seed path: rows generated in a worker thread are the same rows, and a bulk load with
// its indexes set aside leaves the schema exactly as the migrations made it, with every foreign
// key holding.
import { afterAll, describe, expect, it } from 'vitest';
import { ANCHOR, createTestDb, ENGINES, TEST_COST, type TestDb } from '../test/harness.ts';
import { DATA_TABLES, seedDemo } from './seedDemo.ts';

const dbs: TestDb[] = [];
afterAll(() => Promise.all(dbs.map((d) => d.drop())));

async function fresh(engine: 'sqlite' | 'pg') {
  const t = await createTestDb(engine);
  dbs.push(t);
  return t;
}

async function rows(t: TestDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of DATA_TABLES) out[table] = await t.db(table).orderBy('id');
  return out;
}

async function schema(t: TestDb): Promise<string[]> {
  if (t.db.engine === 'sqlite') {
    // sqlite_stat* hold the planner statistics the seed refreshes: data, not schema.
    return (await t.db('sqlite_master').whereIn('type', ['index', 'table']).whereNot('name', 'like', 'sqlite_stat%').select('name', 'sql'))
      .map((r) => `${r.name}: ${r.sql}`).sort();
  }
  const { rows: defs } = await t.db.raw(
    `select indexdef as d from pg_indexes where schemaname = current_schema()
     union all select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where connamespace = current_schema()::regnamespace`,
  );
  return defs.map((r: { d: string }) => r.d).sort();
}

describe('seed rows generated in a worker thread', () => {
  it('are the rows generated in this thread', async () => {
    const [a, b] = [await fresh('sqlite'), await fresh('sqlite')];
    const opts = { payments: 2500, seed: 11, anchor: ANCHOR, demoUsers: true, passwordCost: TEST_COST };
    await seedDemo(a.db, { ...opts, worker: false });
    await seedDemo(b.db, { ...opts, worker: true });
    expect(await rows(b)).toEqual(await rows(a));
  });
});

describe.each(ENGINES)('a large seed on %s', (engine) => {
  it('leaves the schema as the migrations made it, and every reference valid', async () => {
    const t = await fresh(engine);
    const before = await schema(t);
    const result = await seedDemo(t.db, { payments: 10_000, anchor: ANCHOR, demoUsers: true, passwordCost: TEST_COST });
    expect(result.counts.payments).toBe(10_000);
    expect(await schema(t)).toEqual(before);
    if (engine === 'sqlite') {
      expect(await t.db.raw('pragma foreign_key_check')).toEqual([]);
    } else {
      const { rows: left } = await t.db.raw(`select to_regclass('deferred_indexes') as r`);
      expect(left[0].r).toBeNull();
    }
  });
});
