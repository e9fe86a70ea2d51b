// Every resource over HTTP, checked against the rows in the database: each filter kind, each
// sort in both directions with the id tie-break, inclusive ranges, paging, totals, errors, roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldSpec, ResourceDefinition } from '../list/definition.ts';
import { resources } from '../resources/index.ts';
import { createTestApp, ENGINES, listUrl, type TestApp } from '../test/harness.ts';
import { deliver, EventStream, realisticStream, WEBHOOK_SECRET } from '../test/processorEvents.ts';
import request from 'supertest';

/** A record, read by the fields lists sort on: text and numbers, or empty. */
type Rec = { id: string } & Record<string, string | number | null>;

/** Nulls smallest, then the value, then id — the order the engine promises on both databases. */
function compare(a: Rec, b: Rec, field: string): number {
  const x = a[field];
  const y = b[field];
  if (x !== y) {
    if (x === null || x === undefined) return -1;
    if (y === null || y === undefined) return 1;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

async function allRows(t: TestApp, def: ResourceDefinition): Promise<Rec[]> {
  const rows = await t.db(def.table).select(def.columns as string[]);
  return (def.toRecord ? rows.map(def.toRecord) : rows) as Rec[];
}

function sampleValue(rows: Rec[], field: string): unknown {
  const values = rows.map((r) => r[field]).filter((v) => v !== null && v !== undefined);
  return values[Math.floor(values.length / 2)];
}

function matches(spec: FieldSpec, value: unknown, want: unknown): boolean {
  return spec.type === 'boolean' ? Boolean(value) === want : value === want;
}

describe.each(ENGINES)('resources over HTTP on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['agent']>>;
  const data = new Map<string, Rec[]>();

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 300, config: { PROCESSOR_WEBHOOK_SECRET: WEBHOOK_SECRET } });
    admin = await t.agent('admin');
    // Processor events of every type and several outcomes, through the signed endpoint: a stream
    // in order (applied), a payment of an intent never sent (parked), and an unknown type (failed).
    const stream = realisticStream((await t.db('plans').orderBy('id').first('id'))!.id);
    for (const e of stream.events) await deliver(t, e);
    const orphan = new EventStream(stream.planId);
    orphan.payment(String(stream.events[0].data.id), { to: 'captured' });
    for (const e of orphan.events.slice(1)) await deliver(t, e);
    await deliver(t, { id: 'evt_01UNKNOWNTYPE000000000000AA', type: 'charge.unknown', created_at: t.clock.now.toISOString(), data: { id: 'ch_1' } });
    // A little audit history so the audit list has several actors and actions.
    await t.agent('operator');
    await t.agent('support');
    // Pending admin grants: promoting a user and creating an admin both wait for a second admin.
    expect((await admin.put(`/api/users/${t.users.support.id}`).send({ role: 'admin' })).status).toBe(200);
    expect((await admin.post('/api/users').send({
      email: 'second.admin@example.com', name: 'Second Admin', role: 'admin', password: 'granite lantern orbit 42',
    })).status).toBe(201);
    // A few deliveries to the processor in each status, so the outbox list has rows to check.
    const operator = await t.agent('operator');
    const captured = await t.db('payments').where({ status: 'captured', amount_refunded: 0, amount_charged_back: 0 }).orderBy('id').limit(3).select('id');
    for (const p of captured) await operator.post('/api/refunds').set('Idempotency-Key', `resources-${p.id}`).send({ payment_id: p.id, amount: 1, reason: 'other' });
    const items = await t.db('outbox').orderBy('id').select('id');
    await t.db('outbox').where('id', items[0].id).update({ status: 'delivered', attempts: 1, delivered_at: t.ctx.now().toISOString() });
    await t.db('outbox').where('id', items[1].id).update({ status: 'failed', attempts: 12, last_error: 'answered 503 (gave up after 12 attempts)' });
    for (const { def } of resources) data.set(def.name, await allRows(t, def));
  });
  afterAll(() => t.drop());

  describe.each(resources.map((r) => [r.def.name, r] as const))('%s', (_name, { def }) => {
    const rows = () => data.get(def.name)!;

    it('lists with a Content-Range total that matches the table', async () => {
      const res = await admin.get(listUrl(def.name, { range: [0, 9] }));
      expect(res.status).toBe(200);
      const total = rows().length;
      expect(total).toBeGreaterThan(0);
      expect(res.headers['x-total-count']).toBe(String(total));
      expect(res.headers['content-range']).toBe(`${def.name} 0-${Math.min(9, total - 1)}/${total}`);
      expect(res.headers['access-control-expose-headers']).toMatch(/Content-Range/);
      expect(res.body).toHaveLength(Math.min(10, total));
      for (const rec of res.body) expect(typeof rec.id).toBe('string');
    });

    it('answers a page past the end with [] and */TOTAL', async () => {
      const total = rows().length;
      const res = await admin.get(listUrl(def.name, { range: [total + 5, total + 9] }));
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
      expect(res.headers['content-range']).toBe(`${def.name} */${total}`);
    });

    const sortable = Object.entries(def.fields).filter(([, s]) => s.sort).map(([f]) => f);
    it.each(sortable.flatMap((f) => [[f, 'ASC'], [f, 'DESC']]))('sorts by %s %s with the id tie-break, across pages', async (field, order) => {
      const expected = [...rows()].sort((a, b) => compare(a, b, field) * (order === 'ASC' ? 1 : -1)).map((r) => r.id);
      const seen: string[] = [];
      const pageSize = Math.max(1, Math.ceil(expected.length / 3));
      for (let start = 0; start < expected.length; start += pageSize) {
        const res = await admin.get(listUrl(def.name, { sort: [field, order], range: [start, start + pageSize - 1] }));
        expect(res.status).toBe(200);
        seen.push(...res.body.map((r: Rec) => r.id));
      }
      expect(seen).toEqual(expected);
    });

    const filterable = Object.entries(def.fields).filter(([, s]) => s.filter);
    it.each(filterable.map(([f, s]) => [f, s] as const))('filters by %s (equality and IN)', async (field, spec) => {
      const value = sampleValue(rows(), field);
      if (value === undefined) return; // column empty in this data set
      const want = spec.type === 'boolean' ? Boolean(value) : value;
      const expected = rows().filter((r) => matches(spec, r[field], want)).map((r) => r.id).sort();
      const eq = await admin.get(listUrl(def.name, { filter: { [field]: want }, range: [0, 999] }));
      expect(eq.status).toBe(200);
      expect(Number(eq.headers['x-total-count'])).toBe(expected.length);
      expect(eq.body.map((r: Rec) => r.id).sort()).toEqual(expected.slice(0, 1000));
      const inList = await admin.get(listUrl(def.name, { filter: { [field]: [want] }, range: [0, 0] }));
      expect(Number(inList.headers['x-total-count'])).toBe(expected.length);
    });

    const nullableFilters = filterable.filter(([, s]) => s.nullable);
    it.each(nullableFilters.map(([f]) => [f]))('filters %s IS NULL', async (field) => {
      const expected = rows().filter((r) => r[field] === null).length;
      const res = await admin.get(listUrl(def.name, { filter: { [field]: null }, range: [0, 0] }));
      expect(res.status).toBe(200);
      expect(Number(res.headers['x-total-count'])).toBe(expected);
    });

    const ordered = filterable.filter(([, s]) => ['integer', 'datetime', 'date'].includes(s.type));
    it.each(ordered.map(([f, s]) => [f, s] as const))('range-filters %s inclusively at both ends', async (field, spec) => {
      const values = rows().map((r) => r[field]).filter((v) => v !== null).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (values.length < 3) return;
      const lo = values[Math.floor(values.length / 4)];
      const hi = values[Math.floor((values.length * 3) / 4)];
      const expected = rows().filter((r) => r[field] !== null && r[field] >= lo && r[field] <= hi).length;
      const res = await admin.get(listUrl(def.name, { filter: { [`${field}_gte`]: lo, [`${field}_lte`]: hi }, range: [0, 0] }));
      expect(res.status).toBe(200);
      expect(Number(res.headers['x-total-count'])).toBe(expected);
      // Strict bounds exclude the end points.
      const strict = rows().filter((r) => r[field] !== null && r[field] > lo && r[field] < hi).length;
      const res2 = await admin.get(listUrl(def.name, { filter: { [`${field}_gt`]: lo, [`${field}_lt`]: hi }, range: [0, 0] }));
      expect(Number(res2.headers['x-total-count'])).toBe(strict);
      void spec;
    });

    it('gets one record, and 404s an unknown id', async () => {
      const first = rows()[0];
      const res = await admin.get(`/api/${def.name}/${encodeURIComponent(first.id)}`);
      expect(res.status).toBe(200);
      // The row as stored, plus exactly the fields the definition computes (names, review markers).
      expect(res.body).toMatchObject(JSON.parse(JSON.stringify(first)));
      expect(Object.keys(res.body).sort()).toEqual([...Object.keys(first), ...(def.computed?.fields ?? [])].sort());
      const missing = await admin.get(`/api/${def.name}/nope_0000`);
      expect(missing.status).toBe(404);
      expect(missing.body.message).toMatch(/nope_0000/);
    });

    it.each([
      ['sort=oops', /sort/],
      ['sort=["nope","ASC"]', /Cannot sort/],
      ['sort=["id","SIDEWAYS"]', /ASC or DESC/],
      ['range=[0,5000]', /at most 1000/],
      ['filter={"nope":1}', /Unknown filter/],
      ['filter=[]', /JSON object/],
    ])('rejects %s with a 400 JSON message', async (query, message) => {
      const res = await admin.get(`/api/${def.name}?${query}`);
      expect(res.status).toBe(400);
      expect(res.type).toBe('application/json');
      expect(res.body.message).toMatch(message);
    });

    it('refuses anyone without a session', async () => {
      const res = await request(t.app).get(`/api/${def.name}`);
      expect(res.status).toBe(401);
      expect(res.body.message).toBeTruthy();
    });
  });

  it.each([
    ['operator', 'users'], ['support', 'users'], ['operator', 'audit'], ['support', 'audit'],
  ] as const)('refuses %s reading %s (403) without logging them out', async (role, resource) => {
    const agent = await t.agent(role);
    expect((await agent.get(`/api/${resource}`)).status).toBe(403);
    expect((await agent.get(`/api/${resource}/${t.users.admin.id}`)).status).toBe(403);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });

  it('lets every role read the business resources', async () => {
    for (const role of ['operator', 'support', 'admin'] as const) {
      const agent = await t.agent(role);
      for (const name of ['merchants', 'plans', 'intents', 'payments', 'refunds', 'disputes', 'payouts', 'balances', 'transactions']) {
        expect((await agent.get(`/api/${name}`)).status, `${role} ${name}`).toBe(200);
      }
    }
  });

  it('never returns password hashes', async () => {
    const res = await admin.get(listUrl('users', { range: [0, 99] }));
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await admin.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.message).toBeTruthy();
  });
});
