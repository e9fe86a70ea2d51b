// English, Spanish and Portuguese from the switcher, and the light/dark theme toggle; both
// choices survive a reload.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp } from './support/app.ts';
import { openPage, screenshot, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

const background = (page: TestPage) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('language and theme', () => {
  let app: RunningApp, browser: Browser, page: TestPage;
  beforeAll(async () => ({ app, browser, page } = await startSuite({ signInAs: 'admin' })));
  afterAll(() => stopSuite({ app, browser }));

  it('starts in the browser\'s language when it is Spanish or Portuguese', async () => {
    // react-admin needs the first language's messages at once; a Promise there was a blank page.
    const pt = await openPage(browser, { locale: 'pt-BR' });
    await pt.goto(`${app.url}/login`);
    await expect.poll(() => pt.getByRole('button', { name: 'Entrar' }).count()).toBe(1);
    expect(pt.errors).toEqual([]);
    await pt.context().close();
  });

  it('switches the whole interface to Spanish, then Portuguese, then back to English', async () => {
    await page.goto(`${app.url}/payments`);
    await waitForRows(page, 'Payments');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Transferencias', exact: true }).count()).toBe(1);
    expect(await page.getByText('Cobros', { exact: true }).count()).toBe(1); // menu group
    expect(await page.getByRole('button', { name: 'Añadir filtro' }).count()).toBe(1); // react-admin's own strings
    expect(await page.getByText('Filas por página:').count()).toBe(1);
    // Money follows the language: decimal commas, symbol after the amount ("7,74 €").
    const amounts = await page.locator('tbody td.column-amount').allTextContents();
    expect(amounts.some((t) => /^\d[\d.]*,\d{2}\s\S+$/.test(t.replace(/\u00a0/g, ' ')))).toBe(true);
    await screenshot(page, 'lang-es-payments');

    await page.reload();
    await waitForRows(page, 'Pagos');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('menuitem', { name: 'Português' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Repasses', exact: true }).count()).toBe(1);
    await page.getByRole('menuitem', { name: 'Disputas', exact: true }).click();
    await waitForRows(page, 'Disputas');
    await expect.poll(() => page.getByText('Aguardando resposta').count()).toBeGreaterThan(0);
    await screenshot(page, 'lang-pt-disputes');

    await page.getByRole('button', { name: 'Português' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Payouts', exact: true }).count()).toBe(1);
    expect(page.errors).toEqual([]);
  });

  it('toggles between light and dark themes', async () => {
    await page.goto(`${app.url}/disputes`);
    await waitForRows(page, 'Disputes');
    const light = await background(page);
    expect(luminance(light)).toBeGreaterThan(200);
    await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
    await expect.poll(async () => luminance(await background(page))).toBeLessThan(60);
    await screenshot(page, 'theme-dark-disputes');
    const merchant = await app.t.db('merchants').first();
    await page.goto(`${app.url}/merchants/${merchant!.id}/show`);
    await page.getByTestId('related-payments').locator('tbody tr').first().waitFor();
    expect(luminance(await background(page))).toBeLessThan(60);
    await screenshot(page, 'theme-dark-merchant', true);
    await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
    await expect.poll(async () => luminance(await background(page))).toBeGreaterThan(200);
  });
});
