// The request budget of a list (issue #13): opening a list from the menu asks the API for its
// page and at most one other thing. Sidebar counts come with the page (X-Facet-Counts), merchant
// names inside it (merchant_name), a live list's baseline from its own first row. The first
// visit in a session may also ask for the list's saved queries and its tab count; going back
// to a list asks for its page only (and at most one more).
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp } from './support/app.ts';
import { signIn, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

// Not yet the audit log: its actor filter lists users and its rows fetch the actors' names.
const LISTS = ['payments', 'intents', 'refunds', 'disputes', 'payouts', 'balances', 'transactions', 'merchants', 'plans', 'users'];
const QUIET_MS = 600;

describe('requests per list render', () => {
  let app: RunningApp, browser: Browser, page: TestPage;
  let seen: Array<{ request: Request; at: number }> = [];
  beforeAll(async () => {
    ({ app, browser, page } = await startSuite());
    page.on('request', (request) => seen.push({ request, at: Date.now() }));
    await signIn(page, app.url, 'admin');
    // The home page done asking (its charts drawn), so none of its requests counts for a list.
    for (const chart of ['fee-chart', 'plan-chart']) await page.getByTestId(chart).locator('.recharts-bar-rectangle').first().waitFor();
  });
  afterAll(() => stopSuite({ app, browser }));

  /** Until no request has started for QUIET_MS (the home page's own requests, a list's). */
  const quiet = () => expect.poll(() => Date.now() - (seen.at(-1)?.at ?? 0), { timeout: 15_000 }).toBeGreaterThanOrEqual(QUIET_MS);

  /** Clicks the menu entry, waits for the list's rows and for the requests to stop. */
  async function open(resource: string) {
    await quiet();
    seen = [];
    await page.locator(`[role="menu"] a[href="/${resource}"]`).first().click();
    await page.waitForURL(new RegExp(`/${resource}(\\?|$)`));
    await page.locator('.RaDataTable-row').first().waitFor();
    await quiet();
    const api = seen.map((s) => new URL(s.request.url())).filter((u) => u.pathname.startsWith('/api/'));
    const isPage = (u: URL) => u.pathname === `/api/${resource}` && JSON.parse(u.searchParams.get('range') ?? '[0,0]')[1] > 0;
    const pages = api.filter(isPage);
    return { pages: pages.length, others: api.filter((u) => !isPage(u)).map((u) => decodeURIComponent(u.pathname + u.search)) };
  }

  it('asks for each list\u2019s page, and besides it for at most its saved queries and one count on the first visit', async () => {
    for (const resource of LISTS) {
      const { pages, others } = await open(resource);
      expect(pages, resource).toBe(1);
      expect(others.filter((u) => !u.startsWith('/api/saved-queries')).length, `${resource}: ${others.join(' ')}`).toBeLessThanOrEqual(1);
    }
  });

  it('asks for at most one thing besides the page when a list is opened again', async () => {
    for (const resource of LISTS) {
      const { pages, others } = await open(resource);
      expect(pages, resource).toBe(1);
      expect(others.length, `${resource}: ${others.join(' ')}`).toBeLessThanOrEqual(1);
    }
    expect(page.errors).toEqual([]);
  });
});
