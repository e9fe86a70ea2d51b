// Detail views link what belongs together, and the app-bar search finds any record: a support
// agent goes from a card's last 4 digits to the payment, its dispute, its merchant and back.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../client/src/common/formatDateTime.ts';
import { type RunningApp } from './support/app.ts';
import { screenshot, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

const headline = (page: TestPage) => page.getByTestId('record-headline').textContent();

describe('records and their links', () => {
  let app: RunningApp, browser: Browser, page: TestPage;
  beforeAll(async () => ({ app, browser, page } = await startSuite({ signInAs: 'support' })));
  afterAll(() => stopSuite({ app, browser }));

  it('jumps straight to a payment from its id typed in the app-bar search', async () => {
    const payment = await app.t.db('payments').where('status', 'captured').orderBy('id').first();
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill(payment!.id);
    await search.press('Enter');
    await page.waitForURL(new RegExp(`/payments/${payment!.id}/show$`));
    await expect.poll(() => page.getByText(payment!.id, { exact: true }).count()).toBeGreaterThan(0);
  });

  it('finds payments by card last 4 and opens the chosen one', async () => {
    const payment = await app.t.db('payments').orderBy('id', 'desc').first();
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill(payment!.card_last4);
    const results = page.getByTestId('search-results');
    await results.waitFor();
    await screenshot(page, 'search-last4');
    await results.getByText(payment!.id).click();
    await page.waitForURL(new RegExp(`/payments/${payment!.id}/show$`));
  });

  it('follows a disputed payment to its dispute, merchant, intent and ledger entries', async () => {
    const dispute = await app.t.db('disputes').orderBy('id').first();
    const payment = await app.t.db('payments').where('id', dispute!.payment_id).first();
    const merchant = await app.t.db('merchants').where('id', payment!.merchant_id).first();
    await page.goto(`${app.url}/payments/${payment!.id}/show`);
    await page.getByTestId('payment-timeline').waitFor();
    // Timeline: created, authorised, captured ... disputed.
    await expect.poll(async () => (await page.getByTestId('timeline-event').allTextContents()).join(' | ')).toMatch(/Created \| Authorised \| Captured.*Disputed/);
    // Ledger: the charge, its fee and the dispute debit.
    const ledger = page.getByTestId('related-transactions');
    await expect.poll(() => ledger.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'record-payment-disputed', true);

    // → the dispute
    await page.getByTestId('related-disputes').locator('tbody tr').first().click();
    await page.waitForURL(new RegExp(`/disputes/${dispute!.id}/show$`));
    await expect.poll(() => page.getByText(dispute!.reason_code, { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'record-dispute');

    // → back to the payment by its link, then the merchant
    await page.getByRole('link', { name: new RegExp(payment!.id.slice(-4)) }).first().click();
    await page.waitForURL(new RegExp(`/payments/${payment!.id}/show$`));
    await page.getByRole('link', { name: merchant!.name }).first().click();
    await page.waitForURL(new RegExp(`/merchants/${merchant!.id}/show$`));
    await expect.poll(() => headline(page)).toBe(merchant!.name);
    await expect.poll(() => page.getByTestId('related-balances').locator('tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('related-payments').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'record-merchant', true);

    // → the merchant's plan
    const plan = await app.t.db('plans').where('id', merchant!.plan_id).first();
    await page.getByRole('link', { name: plan!.name }).first().click();
    await page.waitForURL(new RegExp(`/plans/${plan!.id}/show$`));
    await expect.poll(() => page.getByTestId('related-merchants').getByText(merchant!.name).count()).toBeGreaterThan(0);

    // The intent links back to its payment.
    await page.goto(`${app.url}/intents/${payment!.intent_id}/show`);
    await expect.poll(() => page.getByTestId('related-payments').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('related-payments').locator('tbody tr').first().click();
    await page.waitForURL(new RegExp(`/payments/${payment!.id}/show$`));
  });

  it('explains why a failed payment was declined, in plain language', async () => {
    const failed = await app.t.db('payments').where('status', 'failed').whereNotNull('decline_code').first();
    await page.goto(`${app.url}/payments/${failed!.id}/show`);
    const reason = page.getByTestId('decline-reason');
    await reason.waitFor();
    expect(await reason.textContent()).toContain(failed!.decline_code);
    await expect.poll(async () => (await page.getByTestId('timeline-event').allTextContents()).join('|')).toBe('Created|Declined');
    await screenshot(page, 'record-payment-failed');
  });

  it('shows a payout\'s approvals and the ledger entry that paid it out', async () => {
    const payout = await app.t.db('payouts').where('status', 'paid').first();
    await page.goto(`${app.url}/payouts/${payout!.id}/show`);
    await expect.poll(() => page.getByTestId('related-transactions').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('payout-approvals').textContent()).not.toContain('No approvals yet');
    // Who decided, by name, to every role that sees the payout (this page is support's).
    const decider = await app.t.db('users').where('id', payout!.decided_by!).first();
    await expect.poll(() => page.getByText(decider!.name, { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'record-payout');
    // The ledger entry leads back to the payout, and on to the balance it came from.
    await page.getByTestId('related-transactions').locator('tbody tr').first().click();
    await page.waitForURL(/\/transactions\/txn_/);
    await page.getByRole('link', { name: 'Balance' }).click();
    await page.waitForURL(/\/balances\/.+\/show$/);
    await expect.poll(() => page.getByTestId('related-transactions').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'record-balance', true);
  });

  it('shows dates in the user\'s time zone, with the UTC time on hover, and ids with a copy button', async () => {
    const payment = await app.t.db('payments').where('status', 'captured').orderBy('id').first();
    await page.goto(`${app.url}/payments/${payment!.id}/show`);
    const created = page.locator(`time[datetime="${payment!.created_at}"]`).first();
    await created.waitFor();
    const shown = await created.textContent();
    const expected = formatDateTime(payment!.created_at, 'en-US', 'America/Mexico_City');
    expect(shown?.replace(/\u202f/g, ' ')).toBe(expected.replace(/\u202f/g, ' '));
    await created.hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain(`${payment!.created_at.slice(0, 10)} ${payment!.created_at.slice(11, 19)} UTC`);
    expect(await page.getByRole('button', { name: `Copy ${payment!.id}` }).count()).toBeGreaterThan(0);
    expect(page.errors).toEqual([]);
  });
});
