// Issue #13: the default columns of every list fit a 1440×900 laptop with the app menu and the
// filter sidebar open — no sideways scrolling inside the table, and the columns people look for
// first (a payment's ID, a dispute's assignee) in view.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp } from './support/app.ts';
import { LAPTOP, screenshot, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

/** Lists the seed fills; the processor's events and deliveries are checked when they have rows. */
const LISTS = [
  ['payments', 'Payments'], ['intents', 'Intents'], ['refunds', 'Refunds'], ['disputes', 'Disputes'],
  ['payouts', 'Payouts'], ['balances', 'Balances'], ['transactions', 'Ledger'], ['merchants', 'Merchants'],
  ['plans', 'Plans'], ['users', 'Users'], ['audit', 'Audit log'],
] as const;
const MAYBE_EMPTY = [['events', 'Processor events'], ['outbox', 'Processor deliveries']] as const;

/** A list with no filter, default sort and page size, and the default columns. */
const fresh = (resource: string) => `/${resource}?filter=%7B%7D&page=1&perPage=25`;

/** How far the table sticks out of its wrapper, and the wrapper's right edge on screen. */
const tableOverflow = (page: TestPage) => page.locator('.RaDataTable-tableWrapper').first().evaluate((el) => ({
  overflow: el.scrollWidth - el.clientWidth,
  right: el.getBoundingClientRect().right,
}));

/** A header cell is entirely inside the table's visible area (and the window). */
const headerInView = (page: TestPage, column: string) => page.evaluate((column) => {
  const wrapper = document.querySelector('.RaDataTable-tableWrapper')!.getBoundingClientRect();
  const th = document.querySelector(`.RaDataTable-table thead th.column-${column}`);
  if (!th) return false;
  const r = th.getBoundingClientRect();
  return r.width > 0 && r.left >= wrapper.left - 0.5 && r.right <= Math.min(wrapper.right, window.innerWidth) + 0.5;
}, column);

describe('lists at 1440×900 with the filter sidebar open', () => {
  let app: RunningApp, browser: Browser, page: TestPage;
  beforeAll(async () => ({ app, browser, page } = await startSuite({ signInAs: 'admin', page: { viewport: LAPTOP } })));
  afterAll(() => stopSuite({ app, browser }));

  it('shows every list\'s default columns without sideways scrolling', async () => {
    const overflowing: Record<string, number> = {};
    const measured: string[] = [];
    for (const [resource, label] of [...LISTS, ...MAYBE_EMPTY]) {
      await page.goto(app.url + fresh(resource));
      await page.locator('#react-admin-title', { hasText: label }).waitFor();
      await page.locator('.RaDataTable-row').or(page.getByTestId('empty-list')).first().waitFor();
      if (!(await page.locator('.RaDataTable-row').count())) continue;
      measured.push(resource);
      expect(await page.getByTestId('filter-sidebar').isVisible(), resource).toBe(true);
      const { overflow, right } = await tableOverflow(page);
      if (overflow > 0 || right > LAPTOP.width) overflowing[resource] = Math.max(overflow, right - LAPTOP.width);
      await screenshot(page, `fit-1440-${resource}`);
    }
    expect(measured).toEqual(expect.arrayContaining(LISTS.map(([resource]) => resource)));
    expect(overflowing).toEqual({});
    expect(page.errors).toEqual([]);
  }, 180_000);

  it('keeps the key columns in view: a payment\'s ID, a dispute\'s assignee', async () => {
    await page.goto(app.url + fresh('payments'));
    await waitForRows(page, 'Payments');
    expect(await headerInView(page, 'id')).toBe(true);
    await page.goto(app.url + fresh('disputes'));
    await waitForRows(page, 'Disputes');
    expect(await headerInView(page, 'assignee_id')).toBe(true);
  });
});
