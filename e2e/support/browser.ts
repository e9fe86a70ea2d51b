// Debian's Chromium driven by playwright-core, pages that record browser errors, sign-in per
// role, and screenshots saved to e2e/screenshots/ for people to look at.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Role } from '../../shared/enums.ts';
import { otpFields } from '../../server/test/harness.ts';
import { testAppAt } from './app.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('e2e/screenshots');
export const PASSWORD = 'backoffice-demo';
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1440, height: 900 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface TestPage extends Page {
  /** Uncaught exceptions and console errors the app produced (expected 401s excluded). */
  errors: string[];
}

export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: LAPTOP,
    locale: 'en-US',
    // Not UTC, so "dates in the user's time zone" is really exercised.
    timezoneId: 'America/Mexico_City',
    ...options,
  });
  const page = (await context.newPage()) as TestPage;
  page.errors = [];
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The session probe before sign-in answers 401 by design; a 403 is tested on purpose.
    if (m.type() === 'error' && !/status of 40[13]/.test(m.text())) page.errors.push(`console: ${m.text()}`);
  });
  return page;
}

/**
 * Signs in through the login page. Admins (enrolled in two-factor sign-in with DEMO_TOTP_SECRET)
 * get the second step, and type the code the harness computes at the app's clock.
 */
export async function signIn(page: Page, baseUrl: string, role: Role | 'admin2' | 'support2') {
  const email = `${role}@example.com`;
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').first().fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const t = testAppAt(baseUrl);
  const { otp } = t ? await otpFields(t, email) : {};
  if (otp) {
    await page.getByLabel('Code').fill(otp);
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
}

export async function screenshot(page: Page, name: string, fullPage = false) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The page never scrolls sideways (phones: nothing overflows horizontally). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Waits until a list shows rows (table or phone list). With a title, first waits for the page
 * title to be that list's, so rows of the previous screen never count.
 */
export async function waitForRows(page: Page, title?: string) {
  if (title) await page.locator('#react-admin-title', { hasText: title }).waitFor();
  await page.locator('.RaDataTable-row, .compact-list li').first().waitFor();
}
