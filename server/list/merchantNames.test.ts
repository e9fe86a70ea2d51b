// A list page of records that belong to a merchant carries each merchant's name, checked against
// the merchants table, so the SPA shows names without asking for the merchants.
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, listUrl, login, type TestApp } from '../test/harness.ts';

describe.each(ENGINES)('merchant_name with the page on %s', (engine) => {
  let t: TestApp;
  let agent: request.Agent;
  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 200 });
    agent = await login(t.app, 'operator@example.com');
  });
  afterAll(() => t.drop());

  it.each(['payments', 'intents', 'refunds', 'disputes', 'payouts', 'balances', 'transactions'])('%s', async (resource) => {
    const res = await agent.get(listUrl(resource, { range: [0, 24] }));
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    const names = new Map((await t.db('merchants').select('id', 'name')).map((m) => [m.id, m.name]));
    for (const record of res.body) expect(record.merchant_name, record.id).toBe(names.get(record.merchant_id));
  });
});
