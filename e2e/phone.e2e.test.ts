// On a phone: lists become compact lists, nothing scrolls sideways, the menu is a drawer, and
// search, language and theme are one tap away.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp } from './support/app.ts';
import { horizontalOverflow, openPage, PHONE, screenshot, signIn, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

const PHONE_PAGE = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const LISTS = ['payments', 'intents', 'refunds', 'disputes', 'payouts', 'balances', 'transactions', 'merchants', 'plans', 'users', 'audit'];

describe('on a phone', () => {
  let app: RunningApp, browser: Browser, page: TestPage;
  beforeAll(async () => {
    ({ app, browser, page } = await startSuite({ page: PHONE_PAGE }));
    await page.goto(`${app.url}/login`);
    await screenshot(page, 'phone-login');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await signIn(page, app.url, 'admin');
    await screenshot(page, 'phone-home');
  });
  afterAll(() => stopSuite({ app, browser }));

  it('shows every list as a compact list that fits the screen', async () => {
    for (const resource of LISTS) {
      await page.goto(`${app.url}/${resource}`);
      await waitForRows(page);
      expect(await page.locator('.RaDataTable-table').count(), resource).toBe(0);
      expect(await page.locator('.compact-list li').count(), resource).toBeGreaterThan(0);
      expect(await horizontalOverflow(page), resource).toBeLessThanOrEqual(0);
      await screenshot(page, `phone-list-${resource}`);
    }
  });

  it('opens records that fit the screen, and their related lists', async () => {
    const dispute = await app.t.db('disputes').first();
    const payment = await app.t.db('payments').where('id', dispute!.payment_id).first();
    await page.goto(`${app.url}/payments/${payment!.id}/show`);
    await page.getByTestId('payment-timeline').waitFor();
    await page.getByTestId('related-disputes').locator('.compact-list li').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-payment', true);
    await page.getByTestId('related-disputes').locator('.compact-list li a').first().click();
    await page.waitForURL(/\/disputes\/dp_/);
    await page.getByTestId('related-transactions').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const merchant = await app.t.db('merchants').where('id', payment!.merchant_id).first();
    await page.goto(`${app.url}/merchants/${merchant!.id}/show`);
    await page.getByTestId('related-payments').locator('.compact-list li').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-merchant', true);
  });

  it('opens the menu as a drawer and navigates', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('menuitem', { name: 'Disputes', exact: true }).click();
    await page.waitForURL(/\/disputes/);
    await waitForRows(page, 'Disputes');
  });

  it('searches from the search icon', async () => {
    const payment = await app.t.db('payments').orderBy('id').first();
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: 'Open search' }).click();
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill(payment!.id);
    await screenshot(page, 'phone-search');
    await search.press('Enter');
    await page.waitForURL(new RegExp(`/payments/${payment!.id}/show$`));
  });

  it('switches language and theme from the user menu', async () => {
    // A page of its own: the language and theme it picks stay out of the other tests.
    const own = await openPage(browser, PHONE_PAGE);
    await signIn(own, app.url, 'admin');
    const payment = await app.t.db('payments').orderBy('id').first();
    await own.goto(`${app.url}/payments/${payment!.id}/show`);
    await own.getByTestId('record-headline').waitFor();
    await own.getByRole('button', { name: 'Profile' }).click();
    await own.getByRole('menuitem', { name: 'Português' }).click();
    await expect.poll(() => own.locator('#react-admin-title').textContent()).toContain('Pagamento');
    await own.getByRole('button', { name: 'Perfil' }).click();
    await own.getByRole('menuitem', { name: /claro\/escuro/ }).click();
    await expect.poll(() => own.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(11, 17, 32)');
    await screenshot(own, 'phone-pt-dark', true);
    expect(own.errors).toEqual([]);
    await own.context().close();
  });
});
