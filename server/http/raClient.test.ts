// The real ra-data-simple-rest client against the running API: what the SPA does, checked
// against the rows in the database.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'react-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/seedDemo.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';

describe.each(ENGINES)('ra-data-simple-rest client on %s', (engine) => {
  let t: TestApp;
  let server: Server;
  let provider: ReturnType<typeof simpleRestProvider>;

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 300 });
    server = t.app.listen(0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'operator@example.com', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const httpClient = (url: string, options: fetchUtils.Options = {}) =>
      fetchUtils.fetchJson(url, { ...options, headers: new Headers({ Accept: 'application/json', Cookie: cookie }) });
    provider = simpleRestProvider(`${base}/api`, httpClient);
  });
  afterAll(async () => {
    server.close();
    await t.drop();
  });

  it('getList pages payments newest first with the exact total', async () => {
    const { data, total } = await provider.getList('payments', {
      pagination: { page: 2, perPage: 10 },
      sort: { field: 'created_at', order: 'DESC' },
      filter: { status: 'captured' },
    });
    const rows = await t.db('payments').where('status', 'captured').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
    expect(total).toBe(rows.length);
    expect(data.map((r) => r.id)).toEqual(rows.slice(10, 20).map((r) => r.id));
  });

  it('getOne returns the record', async () => {
    const row = await t.db('intents').first();
    const { data } = await provider.getOne('intents', { id: row!.id });
    expect(data.id).toBe(row!.id);
    expect(data.amount).toBe(Number(row!.amount));
  });

  it('getMany returns exactly the asked ids', async () => {
    const rows = await t.db('merchants').limit(3);
    const { data } = await provider.getMany('merchants', { ids: rows.map((r) => r.id) });
    expect(data.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('getManyReference lists a merchant\u2019s payments', async () => {
    const [{ merchant_id }] = await t.db('payments').select('merchant_id').groupBy('merchant_id').orderByRaw('count(*) desc').limit(1);
    const expected = await t.db('payments').where({ merchant_id }).orderBy([{ column: 'amount', order: 'asc' }, { column: 'id', order: 'asc' }]);
    const { data, total } = await provider.getManyReference('payments', {
      target: 'merchant_id', id: merchant_id, pagination: { page: 1, perPage: 25 },
      sort: { field: 'amount', order: 'ASC' }, filter: {},
    });
    expect(total).toBe(expected.length);
    expect(data.map((r) => r.id)).toEqual(expected.slice(0, 25).map((r) => r.id));
  });

  it('surfaces a server 400 as an HttpError with the message', async () => {
    await expect(
      provider.getList('payments', { pagination: { page: 1, perPage: 10 }, sort: { field: 'nope', order: 'ASC' }, filter: {} }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Cannot sort payments by "nope"/) });
  });
});
