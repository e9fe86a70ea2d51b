// Facet counts ride on the list page (X-Facet-Counts): each value's count is the rows matching it
// together with the list's other filters, checked against the database.
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, listUrl, login, type TestApp } from '../test/harness.ts';
import { REFUND_REASONS, REFUND_STATUSES } from '../../shared/enums.ts';

describe.each(ENGINES)('facet counts with the list page on %s', (engine) => {
  let t: TestApp;
  let agent: request.Agent;
  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 400 });
    agent = await login(t.app, 'operator@example.com');
  });
  afterAll(() => t.drop());

  const count = async (where: Record<string, string>) => Number((await t.db('refunds').where(where).count({ n: '*' }).first())!.n);

  it('counts each value with the other filters, and leaves the page as it was', async () => {
    const currency = (await t.db('refunds').select('currency').first())!.currency as string;
    const filter = { currency, status: 'succeeded' };
    const plain = await agent.get(listUrl('refunds', { filter, range: [0, 9] }));
    const res = await agent.get(`${listUrl('refunds', { filter, range: [0, 9] })}&facets=status,reason`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(plain.body);
    expect(plain.headers['x-facet-counts']).toBeUndefined();
    const facets = JSON.parse(res.headers['x-facet-counts']);
    expect(Object.keys(facets.status)).toEqual([...REFUND_STATUSES]);
    // A value's count ignores the list's own filter on that field, keeps the others.
    for (const status of REFUND_STATUSES) expect(facets.status[status], status).toEqual({ total: await count({ currency, status }), exact: true });
    for (const reason of REFUND_REASONS) expect(facets.reason[reason], reason).toEqual({ total: await count({ currency, status: 'succeeded', reason }), exact: true });
    expect(facets.status.succeeded.total).toBeGreaterThan(0);
  });

  it('refuses facets that are not counted enum filters', async () => {
    for (const facets of ['amount', 'nope', 'status,reason,currency,status2', '']) {
      const res = await agent.get(`${listUrl('refunds', { range: [0, 9] })}&facets=${facets}`);
      if (facets === '') expect(res.status).toBe(200);
      else expect(res.status, facets).toBe(400);
    }
    const twice = await agent.get(`${listUrl('refunds', { range: [0, 9] })}&facets=status&facets=reason`);
    expect(twice.status).toBe(400);
  });
});
