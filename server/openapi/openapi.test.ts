// The OpenAPI document cannot drift from the app: every route the app mounts is in it with its
// method, and it names no route the app does not mount. Its request schemas are the ones the
// routes validate with (operations.ts imports them), so a changed rule changes the document.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { appRoutes } from '../test/routeCalls.ts';
import { splitRoute } from './document.ts';
import { OPERATIONS } from './operations.ts';

describe('GET /api/openapi.json', () => {
  let t: TestApp;
  // The OpenAPI document as JSON, walked by path; its shape is what these tests check.
  let doc: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON document read by path
  beforeAll(async () => {
    t = await createTestApp('sqlite', { payments: 20 });
    const res = await request(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => t?.drop());

  const documented = () =>
    Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();

  it('is an OpenAPI 3.1 document of this API', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Kaito Back Office API');
  });

  it('when the app mounts a route, then the document has it, and nothing else', () => {
    const mounted = appRoutes(t.app).map((r) => { const [m, p] = splitRoute(r); return `${m.toUpperCase()} ${p}`; }).sort();
    const missing = mounted.filter((r) => !documented().includes(r));
    const stale = documented().filter((r) => !mounted.includes(r));
    expect(missing, 'routes the app serves without an OpenAPI entry: add them to server/openapi/operations.ts').toEqual([]);
    expect(stale, 'OpenAPI entries for routes the app does not serve').toEqual([]);
  });

  it('documents each body with the schema the route validates with', () => {
    const refund = doc.paths['/api/refunds'].post;
    const schema = refund.requestBody.content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['amount', 'note', 'payment_id', 'reason']);
    expect(schema.properties.reason.enum).toEqual(['duplicate', 'fraudulent', 'requested_by_customer', 'other']);
    expect(schema.required).toEqual(expect.arrayContaining(['payment_id', 'reason']));
    expect(refund.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key').required).toBe(true);
    for (const [route, o] of Object.entries(OPERATIONS)) {
      if (!o.body) continue;
      const [method, path] = splitRoute(route);
      expect(doc.paths[path][method].requestBody, route).toBeDefined();
    }
  });

  it('describes each resource\u2019s records and list parameters from its definition', () => {
    const list = doc.paths['/api/payments'].get;
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['filter', 'range', 'sort']);
    expect(list.parameters.find((p: { name: string }) => p.name === 'filter').description).toContain('card_last4');
    const payment = doc.components.schemas.Payment;
    expect(payment.properties.status.enum).toContain('captured');
    expect(payment.properties.amount.type).toBe('integer');
  });
});
