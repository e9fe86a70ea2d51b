// pagePlan picks how a page of a broad filter is read (walk the sort order, or sort the
// matches); whichever it picks, the page holds the same records in the same order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../resources/payments/definition.ts';
import { transactions } from '../resources/transactions/definition.ts';
import { seedDemo } from '../seed/seedDemo.ts';
import { ANCHOR, createTestDb, ENGINES, TEST_COST, type TestDb } from '../test/harness.ts';
import type { ResourceDefinition } from './definition.ts';
import { BROAD_FILTER_ROWS, EXACT_TOTAL_LIMIT, pagePlan, pageQuery } from './listQuery.ts';
import { parseListQuery } from './parseListQuery.ts';

const query = (def: ResourceDefinition, params: { filter?: object; sort?: readonly [string, string]; range?: readonly [number, number] }) =>
  parseListQuery(def, {
    filter: JSON.stringify(params.filter ?? {}),
    ...(params.sort ? { sort: JSON.stringify(params.sort) } : {}),
    ...(params.range ? { range: JSON.stringify(params.range) } : {}),
  });

describe.each(ENGINES)('page plans on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedDemo(t.db, { payments: 1500, anchor: ANCHOR, demoUsers: true, passwordCost: TEST_COST });
  });
  afterAll(() => t.drop());

  const broad = { total: EXACT_TOTAL_LIMIT, exact: false };

  it('reads a small result any way the database likes', () => {
    const q = query(payments, { filter: { amount_gte: 100 } });
    expect(pagePlan(t.db, payments, q, { total: BROAD_FILTER_ROWS - 1, exact: true })).toEqual({});
  });

  it('walks the sort order on SQLite for a broad, evenly spread filter; PostgreSQL decides itself', () => {
    const q = query(payments, { filter: { amount_gte: 100, status: 'captured' } });
    expect(pagePlan(t.db, payments, q, broad)).toEqual(engine === 'sqlite' ? { walk: true } : { sort: false });
  });

  it('sorts the matches of a range on a time that follows creation order, listed by creation', () => {
    const q = query(payments, { filter: { settled_at_gte: '2026-10-01', settled_at_lte: '2026-10-07' } });
    expect(pagePlan(t.db, payments, q, broad)).toEqual(engine === 'sqlite' ? { walk: false } : { sort: true });
    // Sorted by amount instead, the matches are spread along the order: no reason to sort them all.
    const byAmount = query(payments, { filter: { settled_at_gte: '2026-10-01' }, sort: ['amount', 'DESC'] });
    expect(pagePlan(t.db, payments, byAmount, broad)).toEqual(engine === 'sqlite' ? { walk: true } : { sort: false });
  });

  it.each([
    ['payments newest first, captured, amount range', payments, { filter: { status: 'captured', amount_gte: 1000 } }],
    ['payments by settled_at (empty ones included), oldest first', payments, { sort: ['settled_at', 'ASC'], range: [0, 99] }],
    ['payments by settled_at, newest first, a page down', payments, { sort: ['settled_at', 'DESC'], range: [50, 74] }],
    ['payments settled in October, newest first', payments, { filter: { settled_at_gte: '2026-10-01', settled_at_lte: '2026-10-31' } }],
    ['ledger settled in October, by id', transactions, { filter: { settled_at_gte: '2026-10-01' }, sort: ['id', 'ASC'] }],
  ] as const)('%s: the same page whichever plan', async (_name, def, params) => {
    const q = query(def, params);
    const ids = async (plan: object) => (await pageQuery(t.db, def, q, plan)).map((r: { id: string }) => r.id);
    const plain = await ids({});
    expect(plain.length).toBeGreaterThan(10);
    expect(await ids({ walk: true })).toEqual(plain);
    expect(await ids({ sort: true })).toEqual(plain);
  });
});
