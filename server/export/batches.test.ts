// Keyset batches read the list in exactly the list's order, across many batch boundaries (a
// batch of 7), as records and as arrays, with ties on the sort column and runs of empty values, on each engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderedQuery } from '../list/listQuery.ts';
import { parseListQuery } from '../list/parseListQuery.ts';
import { disputes } from '../resources/disputes/definition.ts';
import { payments } from '../resources/payments/definition.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { listArrayBatches, listBatches } from './batches.ts';

describe.each(ENGINES)('listBatches on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 300 });
    // Ties: many payments share an amount, so the id tie-break decides the order at boundaries.
    await t.db('payments').whereIn('id', t.db('payments').select('id').orderBy('id').limit(60)).update({ amount: 4242 });
  });
  afterAll(() => t.drop());

  it.each([
    [payments, {}, undefined],
    [payments, {}, ['amount', 'ASC']],
    [payments, {}, ['amount', 'DESC']],
    [payments, { status: 'captured' }, ['settled_at', 'ASC']],
    [payments, {}, ['settled_at', 'DESC']],
    [payments, {}, ['decline_code', 'ASC']],
    [payments, {}, ['decline_code', 'DESC']],
    [payments, {}, ['id', 'ASC']],
    [payments, { amount: 4242 }, ['id', 'DESC']],
    [disputes, {}, ['closed_date', 'DESC']],
    [payments, { currency: 'XXX' }, undefined],
  ] as const)('%#: batches of 7 concatenate to the ordered list', async (def, filter, sort) => {
    const query = parseListQuery(def, { filter: JSON.stringify(filter), ...(sort ? { sort: JSON.stringify(sort) } : {}) });
    const expected = (await orderedQuery(t.db, def, query)).map((r: { id: string }) => r.id);
    const got: string[] = [];
    let batches = 0;
    for await (const batch of listBatches(t.db, def, query, 7)) {
      expect(batch.length).toBeLessThanOrEqual(7);
      got.push(...batch.map((r) => String(r.id)));
      batches += 1;
    }
    expect(got).toEqual(expected);
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(expected.length / 7));
    // As arrays (the CSV path): the same rows, in the same order, with the same values.
    const records: Array<Record<string, unknown>> = await orderedQuery(t.db, def, query);
    const arrays: unknown[][] = [];
    for await (const batch of listArrayBatches(t.db, def, query, 7)) arrays.push(...batch);
    expect(arrays.map((a) => Object.fromEntries(def.columns.map((c, i) => [c, a[i]])))).toEqual(records);
  });
});
