// Every integer field of every list filters within its column's range: a value past it is a 400
// naming the field — on the list and on the export, before a byte of the download — on both
// engines (PostgreSQL refused such comparisons itself: a 500, and an export cut mid-stream). The
// declared ranges are checked against the columns' real types, so a new field cannot claim more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../resources/index.ts';
import { createTestApp, ENGINES, listUrl, type TestApp } from '../test/harness.ts';
import type { FieldSpec } from './definition.ts';
import { INT4, INT8_SAFE } from './fields.ts';

const integerFields = resources.flatMap(({ def }) =>
  Object.entries(def.fields)
    .filter(([, spec]) => spec.type === 'integer' && spec.filter)
    .map(([field, spec]) => ({ resource: def.name, table: def.table, field, spec: spec as FieldSpec & { min: number; max: number } })),
);

describe.each(ENGINES)('integer filters on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 60 });
  });
  afterAll(() => t.drop());

  it('covers the integer fields (payout_number, percent_bps, amounts…)', () => {
    const names = integerFields.map((f) => `${f.resource}.${f.field}`);
    expect(names).toEqual(expect.arrayContaining(['payouts.payout_number', 'plans.percent_bps', 'payments.amount', 'balances.available']));
  });

  it.each(integerFields)('$resource.$field declares the range of its column', async ({ table, field, spec }) => {
    const column = spec.column ?? field;
    const type: string = t.db.engine === 'pg'
      ? (await t.db('information_schema.columns').where({ table_schema: t.db.raw('current_schema()'), table_name: table, column_name: column }).first('data_type')).data_type
      : (await t.db.raw(`select type from pragma_table_info(?) where name = ?`, [table, column]))[0].type;
    const expected = /^(integer|int4)$/i.test(type) ? INT4 : /^(bigint|int8)$/i.test(type) ? INT8_SAFE : null;
    expect(expected, `${table}.${column} is ${type}`).not.toBeNull();
    expect({ min: spec.min, max: spec.max }).toEqual({ ...expected });
  });

  it.each(integerFields.filter((f) => f.spec.nonNegative))('$resource.$field never holds a negative amount: a negative filter is a 400', async ({ resource, table, field, spec }) => {
    const [{ n }] = await t.db(table).where(spec.column ?? field, '<', 0).count({ n: '*' });
    expect(Number(n)).toBe(0);
    const admin = await t.agent('admin');
    for (const filter of [{ [`${field}_gte`]: -1 }, { [field]: '-100' }]) {
      const res = await admin.get(listUrl(resource, { filter }));
      expect(res.status, JSON.stringify(filter)).toBe(400);
      expect(res.body.errors).toEqual({ [Object.keys(filter)[0]]: 'must not be negative' });
    }
  });

  it.each(integerFields)('$resource.$field: past the range is a 400 naming the field, on the list and the export', async ({ resource, field, spec }) => {
    const admin = await t.agent('admin');
    const refused = [
      { [field]: spec.max + 1 }, { [field]: String(spec.max + 1) }, { [`${field}_gte`]: spec.min - 1 },
      { [`${field}_lt`]: spec.max + 1 }, { [field]: [1, spec.max + 1] },
    ];
    for (const filter of refused) {
      const key = Object.keys(filter)[0];
      const list = await admin.get(listUrl(resource, { filter }));
      expect(list.status, JSON.stringify(filter)).toBe(400);
      expect(list.body.errors).toEqual({ [key]: `must be between ${spec.min} and ${spec.max}` });
      expect(list.body.message).toContain(key);
      const exported = await admin.get(`/api/${resource}/export?format=csv&filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(exported.status).toBe(400);
      expect(exported.headers['content-disposition']).toBeUndefined();
    }
    // The ends of the range themselves are fine: an empty list, a complete export.
    const lowest = spec.nonNegative ? { [`${field}_lt`]: 0 } : { [`${field}_lte`]: spec.min };
    for (const filter of [{ [field]: spec.max }, lowest, { [`${field}_gt`]: spec.max }]) {
      const list = await admin.get(listUrl(resource, { filter }));
      expect(list.status, JSON.stringify(filter)).toBe(200);
      const exported = await admin.get(`/api/${resource}/export?format=json&filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(exported.status).toBe(200);
      expect(JSON.parse(exported.text)).toEqual(list.body);
    }
  });
});
