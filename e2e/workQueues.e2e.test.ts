// The home page tells the truth at a glance: every card's number is the total of the list it
// opens, overdue disputes come first in "Disputes due soon", one "today" (the server's UTC day)
// holds for the whole page and is stated on it, and each role gets the cards of its own work.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp } from './support/app.ts';
import { openPage, screenshot, signIn, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

const totalOf = async (page: TestPage) => {
  const text = await page.locator('.MuiTablePagination-displayedRows').first().textContent();
  return Number(text!.split(/ of /)[1].replace(/\D/g, ''));
};

describe('the home page', () => {
  let app: RunningApp, browser: Browser, page: TestPage;
  beforeAll(async () => {
    ({ app, browser, page } = await startSuite({ payments: 1500 }));
    // An overdue dispute, so "overdue first" is really checked (the seed's clock is 2026-11-21).
    const open = await app.t.db('disputes').where('status', 'needs_response').orderBy('id').first('id');
    await app.t.db('disputes').where('id', open!.id).update({ response_due_date: '2026-11-15' });
    await signIn(page, app.url, 'admin');
  });
  afterAll(() => stopSuite({ app, browser }));

  it('states its one rule for "today": the server\'s UTC day', async () => {
    const rule = page.getByTestId('today-rule');
    await expect.poll(() => rule.getAttribute('data-today')).toBe('2026-11-21');
    // The browser is in Mexico City, on another day than the server's clock: the page still
    // counts the server's UTC day, and says so.
    expect(await rule.textContent()).toBe('Days here are UTC days: today is Sat, Nov 21, 2026 (UTC).');
  });

  it('opens, from each card, a list whose total is the card\'s number', async () => {
    const cards = ['queue-payouts_to_approve', 'queue-disputes_to_answer', 'queue-payments_declined_today', 'queue-refunds_pending', 'kpi-payouts_awaiting', 'kpi-disputes_due'];
    for (const id of cards) {
      const card = page.getByTestId(id);
      const number = card.locator(id.startsWith('queue') ? '[data-testid="queue-count"]' : '.MuiTypography-h4');
      await expect.poll(() => number.textContent(), { message: id }).toMatch(/^\d[\d,]*$/);
      const headline = Number((await number.textContent())!.replace(/\D/g, ''));
      expect(headline, id).toBeGreaterThan(0);
      await card.getByRole('link').click();
      await waitForRows(page);
      await expect.poll(() => totalOf(page), { message: id }).toBe(headline);
      await page.goBack();
    }
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('lists overdue disputes first in "Disputes due soon", counted with them', async () => {
    const list = page.getByTestId('worklist-disputes');
    await list.locator('a[href*="/disputes/"]').first().waitFor();
    expect(await list.locator('a[href*="/disputes/"]').first().locator('[data-overdue]').getAttribute('data-overdue')).toBe('true');
    expect(await list.locator('a[href*="/disputes/"]').first().textContent()).toContain('Overdue · due Nov 15');
    const kpi = page.getByTestId('kpi-disputes_due');
    expect(await kpi.textContent()).toContain('including 1 overdue');
    await screenshot(page, 'home-admin', true);
  });

  it('gives support its disputes and no payout queue, and operators no disputes card', async () => {
    const support = await openPage(browser);
    await signIn(support, app.url, 'support');
    await support.getByTestId('queue-disputes_to_answer').waitFor();
    expect(await support.getByTestId('queue-payouts_to_approve').count()).toBe(0);
    await support.close();
    const operator = await openPage(browser);
    await signIn(operator, app.url, 'operator');
    await operator.getByTestId('queue-payments_declined_today').waitFor();
    expect(await operator.getByTestId('queue-disputes_to_answer').count()).toBe(0);
    expect(await operator.getByTestId('queue-payouts_to_approve').count()).toBe(0);
    await operator.close();
  }, 120_000);
});
