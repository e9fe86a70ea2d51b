// A refunded payment reads "Refunded" (in part: "Partially refunded"; disputed: "Disputed"), as
// Stripe shows it, in the payment's header, the payments list and the app-bar search; the list
// shows the refunded amount and filters on those statuses.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp } from './support/app.ts';
import { screenshot, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

const headerStatus = (page: TestPage) => page.getByTestId('record-headline').locator('xpath=..').locator('[data-status]').getAttribute('data-status');
const rowStatuses = (page: TestPage) =>
  page.locator('tbody .RaDataTable-row [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
const totalOf = async (page: TestPage) => Number((await page.locator('.MuiTablePagination-displayedRows').first().textContent())!.split(/ of /)[1].replace(/\D/g, ''));

describe('payment statuses as people read them', () => {
  let app: RunningApp, browser: Browser, page: TestPage;
  beforeAll(async () => ({ app, browser, page } = await startSuite({ signInAs: 'operator', payments: 1500 })));
  afterAll(() => stopSuite({ app, browser }));

  it('says "Partially refunded", then "Refunded", in the payment\'s header as refunds are made', async () => {
    const db = app.t.db;
    const payment = await db('payments').where({ status: 'captured', amount_refunded: 0 })
      .whereNotIn('id', db('disputes').select('payment_id')).where('amount', '>=', 2000).orderBy('id').first();
    await page.goto(`${app.url}/payments/${payment!.id}/show`);
    await expect.poll(() => headerStatus(page)).toBe('captured');
    const agent = await app.t.agent('operator');
    await agent.post('/api/refunds').set('Idempotency-Key', 'e2e-status-1').send({ payment_id: payment!.id, amount: 500, reason: 'other' }).expect(201);
    await page.reload();
    await expect.poll(() => headerStatus(page)).toBe('partially_refunded');
    expect(await page.getByTestId('record-headline').locator('xpath=..').textContent()).toContain('Partially refunded');
    await agent.post('/api/refunds').set('Idempotency-Key', 'e2e-status-2').send({ payment_id: payment!.id, reason: 'other' }).expect(201);
    await page.reload();
    await expect.poll(() => headerStatus(page)).toBe('refunded');
    await screenshot(page, 'payment-refunded');
  });

  it('filters the payments list on refunded, partially refunded and disputed, with the refunded amount beside each', async () => {
    await page.goto(`${app.url}/payments?filter=%7B%7D&page=1&perPage=25&sort=created_at&order=DESC`);
    await waitForRows(page, 'Payments');
    // The refunded amount is a column the user turns on (it is off by default so the list fits a laptop).
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.locator('.MuiPopover-root').getByLabel('Refunded', { exact: true }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('thead th.column-amount_refunded').count()).toBe(1);
    const sidebar = page.getByTestId('filter-sidebar');
    for (const [label, status] of [['Refunded', 'refunded'], ['Partially refunded', 'partially_refunded'], ['Disputed', 'disputed']]) {
      await sidebar.getByText(label, { exact: true }).click();
      await expect.poll(async () => new Set(await rowStatuses(page)), { message: status }).toEqual(new Set([status]));
      const [{ n }] = await app.t.db('payments').where('display_status', status).count({ n: '*' });
      await expect.poll(() => totalOf(page), { message: status }).toBe(Number(n));
      if (status === 'refunded') {
        // The refunded column holds the whole amount on every row.
        const [amounts, refunded] = await Promise.all(['amount', 'amount_refunded'].map((c) => page.locator(`tbody .RaDataTable-row td.column-${c}`).allTextContents()));
        expect(amounts.length).toBeGreaterThan(0);
        expect(refunded).toEqual(amounts);
        await screenshot(page, 'payments-refunded');
      }
      await sidebar.getByText(label, { exact: true }).click();
    }
    expect(page.errors).toEqual([]);
  });

  it('shows "Refunded" in the app-bar search results', async () => {
    const payment = await app.t.db('payments').where('display_status', 'refunded').orderBy('id').first();
    expect(payment).toBeDefined(); // the seed refunds some in full
    await page.goto(`${app.url}/`);
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill(payment!.card_last4);
    const results = page.getByTestId('search-results');
    await results.waitFor();
    const hit = results.locator('li, [role="option"]').filter({ hasText: payment!.id.slice(-6) }).first();
    await expect.poll(() => hit.textContent()).toContain('Refunded');
    await search.fill('');
  });
});
