// Totals: exact up to the limit, "more than N" past it; capped answers are remembered for a few
// seconds and forgotten at the first write to their table, exact ones are never remembered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../resources/payments/definition.ts';
import { seedDemo } from '../seed/seedDemo.ts';
import { ANCHOR, createTestDb, ENGINES, TEST_COST, type TestDb } from '../test/harness.ts';
import { countRows, fetchPage } from './listQuery.ts';
import { parseListQuery } from './parseListQuery.ts';

describe.each(ENGINES)('totals on %s', (engine) => {
  let t: TestDb;
  let queries = 0;
  const countQueries = async (run: () => Promise<unknown>) => {
    const before = queries;
    await run();
    return queries - before;
  };
  const query = (filter: object = {}) => parseListQuery(payments, { filter: JSON.stringify(filter) });

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedDemo(t.db, { payments: 300, anchor: ANCHOR, demoUsers: true, passwordCost: TEST_COST });
    t.db.on('query', () => queries++);
  });
  afterAll(() => t.drop());

  it('is exact up to the limit and says "more than the limit" past it', async () => {
    const [{ n }] = await t.db('payments').count({ n: '*' });
    expect(await countRows(t.db, payments, query(), Number(n))).toEqual({ total: Number(n), exact: true });
    expect(await countRows(t.db, payments, query(), Number(n) - 1)).toEqual({ total: Number(n) - 1, exact: false });
    const [{ failed }] = await t.db('payments').where('status', 'failed').count({ failed: '*' });
    expect(await countRows(t.db, payments, query({ status: 'failed' }), 10_000)).toEqual({ total: Number(failed), exact: true });
  });

  it('remembers a capped total, and forgets it at the first write to the table', async () => {
    const q = query({ status: 'captured' });
    expect(await countQueries(() => countRows(t.db, payments, q, 50))).toBe(1);
    expect(await countQueries(() => countRows(t.db, payments, q, 50))).toBe(0);
    const row = await t.db('payments').where('status', 'captured').first('id', 'updated_at');
    await t.db.transaction((trx) => trx('payments').where('id', row!.id).update({ updated_at: row!.updated_at }));
    expect(await countQueries(() => countRows(t.db, payments, q, 50))).toBe(1);
  });

  it('never remembers an exact total: a new row counts at once', async () => {
    const q = query({ status: 'voided' });
    const first = await countRows(t.db, payments, q);
    expect(first.exact).toBe(true);
    expect(await countQueries(() => countRows(t.db, payments, q))).toBe(1);
    const sample = await t.db('payments').where('status', 'captured').first();
    await t.db('payments').insert({ ...sample, id: `${sample!.id.slice(0, -4)}ZZZZ`, status: 'voided' });
    expect(await countRows(t.db, payments, q)).toEqual({ total: first.total + 1, exact: true });
  });

  it('a page past the end is empty and carries the exact total', async () => {
    const [{ n }] = await t.db('payments').count({ n: '*' });
    const total = Number(n);
    const past = await fetchPage(t.db, payments, parseListQuery(payments, { range: JSON.stringify([total, total + 9]) }));
    expect(past).toEqual({ records: [], total, exact: true });
    const last = await fetchPage(t.db, payments, parseListQuery(payments, { range: JSON.stringify([total - 3, total + 6]) }));
    expect(last.records).toHaveLength(3);
    expect(last.exact).toBe(true);
  });
});
