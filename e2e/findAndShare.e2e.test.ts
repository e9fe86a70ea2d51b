// Finding things: the app-bar search says how many records match and "see all N" opens the list
// filtered the same way, with N rows; a query saved on that list and shared with the team shows
// in a colleague's sidebar (in another browser), brings the same rows back, and only its owner
// can unshare it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp } from './support/app.ts';
import { LAPTOP, openPage, screenshot, signIn, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

const rangeInfo = (page: TestPage) => page.locator('.MuiTablePagination-displayedRows').first().textContent();

describe('finding things and sharing queries', () => {
  let app: RunningApp, browser: Browser, page: TestPage, colleague: TestPage;
  let name: string, matching: number;

  beforeAll(async () => {
    ({ app, browser, page } = await startSuite({ signInAs: 'operator', page: { viewport: LAPTOP } }));
    colleague = await openPage(browser, { viewport: LAPTOP });
    await signIn(colleague, app.url, 'support');
    // The merchant with the most payments: its name finds them all (docs/api.md, `q`).
    const [busiest]: Array<{ merchant_id: string }> = await app.t.db('payments').select('merchant_id').count({ n: '*' })
      .groupBy('merchant_id').orderBy([{ column: 'n', order: 'desc' }, { column: 'merchant_id' }]).limit(1);
    name = (await app.t.db('merchants').where('id', busiest.merchant_id).first('name'))!.name;
    const named = await app.t.db('merchants').whereRaw('lower(name) like ?', [`%${name.toLowerCase()}%`]).pluck('id');
    matching = Number((await app.t.db('payments').whereIn('merchant_id', named).count({ n: '*' }))[0].n);
  });
  afterAll(() => stopSuite({ app, browser }));

  it('shows how many payments a merchant has and "see all N" opens the list of exactly those', async () => {
    expect(matching).toBeGreaterThan(5); // more than the search shows: the case the link is for
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill(name);
    const seeAll = page.getByTestId('search-see-all').filter({ hasText: 'payments' });
    await expect.poll(() => seeAll.textContent()).toBe(`See all ${matching} payments`);
    await expect.poll(() => page.getByTestId('search-group-payments').getByRole('option').count()).toBe(6); // 5 hits + the link
    await screenshot(page, 'search-see-all');
    await seeAll.click();
    await page.waitForURL(/\/payments\?/);
    expect(JSON.parse(new URL(page.url()).searchParams.get('filter')!)).toEqual({ q: name });
    await waitForRows(page, 'Payments');
    await expect.poll(() => rangeInfo(page)).toMatch(new RegExp(`of ${matching.toLocaleString('en-US')}$`));
    const rows = await page.locator('tbody .RaDataTable-row').allTextContents();
    expect(rows.length).toBe(Math.min(matching, 25));
    for (const row of rows) expect(row).toContain(name);
    expect(page.errors).toEqual([]);
  });

  it('shares a saved query with the team: a colleague sees it and applies it, only the owner unshares it', async () => {
    // Starts from the list it saves, whatever ran before.
    await page.goto(`${app.url}/payments?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
    await expect.poll(() => rangeInfo(page)).toMatch(new RegExp(`of ${matching}$`));
    const sidebar = page.getByTestId('filter-sidebar');
    await sidebar.getByRole('button', { name: /Save current query/ }).click();
    await page.getByLabel('Query name').fill(`Payments of ${name}`);
    await page.getByLabel(/Share with the team/).check();
    await page.getByRole('button', { name: 'Save' }).click();
    const mine = sidebar.getByTestId('saved-query').filter({ hasText: `Payments of ${name}` });
    await mine.waitFor();
    await expect.poll(() => mine.getByRole('button', { name: /Stop sharing/ }).count()).toBe(1);

    await colleague.goto(`${app.url}/payments?filter=%7B%7D&page=1&perPage=25&sort=created_at&order=DESC`);
    await waitForRows(colleague, 'Payments');
    const theirs = colleague.getByTestId('filter-sidebar').getByTestId('saved-query').filter({ hasText: `Payments of ${name}` });
    await expect.poll(() => theirs.textContent()).toContain('Shared by');
    expect(await theirs.getByRole('button', { name: /Stop sharing|Remove/ }).count()).toBe(0); // not theirs to change
    await screenshot(colleague, 'saved-query-shared');
    await theirs.getByText(`Payments of ${name}`).click();
    await expect.poll(() => JSON.parse(new URL(colleague.url()).searchParams.get('filter') ?? '{}')).toEqual({ q: name });
    await expect.poll(() => rangeInfo(colleague)).toMatch(new RegExp(`of ${matching.toLocaleString('en-US')}$`));

    await mine.getByRole('button', { name: /Stop sharing/ }).click();
    await expect.poll(() => mine.getByRole('button', { name: /^Share with the team/ }).count()).toBe(1);
    await colleague.reload();
    await waitForRows(colleague, 'Payments');
    await colleague.getByTestId('saved-queries').waitFor();
    await expect.poll(() => theirs.count()).toBe(0);
    expect(page.errors).toEqual([]);
    expect(colleague.errors).toEqual([]);
  });
});
