// The authorisation matrix: every route of routes.table.ts, as every role and without a session,
// answers the status the table says. And the table is complete: a route the app serves that no row
// names fails the coverage test.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, login, type TestApp } from '../test/harness.ts';
import { appRoutes, buildFixture, send } from '../test/routeCalls.ts';
import { CALLERS, ROUTES, type Caller, type Fixture, type RouteCase } from '../test/routes.table.ts';

const label = (row: RouteCase) => `${row.route}${row.case ? ` (${row.case})` : ''}`;

describe.each(ENGINES)('authorisation matrix on %s', (engine) => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const role of ['operator', 'support', 'admin'] as const) await t.agent(role);
    f = await buildFixture(t);
  });
  afterAll(() => t?.drop());

  it.each(ROUTES.map((row) => [label(row), row] as const))('%s', async (_label, row) => {
    const got: Partial<Record<Caller, number>> = {};
    for (const who of CALLERS) {
      let client: Parameters<typeof send>[0] = t.app;
      if (who !== 'anonymous') client = row.freshSession ? await login(t.app, t.users[who].email) : await t.agent(who);
      const res = await send(client, row, f, who);
      got[who] = res.status;
      if (res.status >= 400) {
        expect(res.headers['content-type'], `${who}: error answers are JSON`).toMatch(/^application\/json/);
        expect(typeof res.body.message, `${who}: error answers carry a message`).toBe('string');
      }
    }
    expect(got).toEqual(row.expect);
  });

  it('names every route the app serves (add a row to routes.table.ts for a new route)', () => {
    const covered = new Set(ROUTES.map((r) => r.route));
    const missing = appRoutes(t.app).filter((r) => r.split(' ')[1].startsWith('/api') && !covered.has(r));
    expect(missing).toEqual([]);
  });

  it('has only rows whose route is real or declared as must-not-exist', () => {
    const served = new Set(appRoutes(t.app));
    const phantom = ROUTES.filter((r) => !served.has(r.route) && !['must not exist', 'unknown route'].includes(r.case ?? ''));
    expect(phantom.map(label)).toEqual([]);
  });

  it('answers an anonymous caller 401 before revealing whether a route exists', async () => {
    const res = await request(t.app).get('/api/payouts/po_x/approve-everything');
    expect(res.status).toBe(401);
  });
});
