// One app and one browser per test file: started together before the file's tests (and, when
// asked, a page already signed in), closed after them.
import type { Browser, BrowserContextOptions } from 'playwright-core';
import type { Role } from '../../shared/enums.ts';
import { startApp, type RunningApp } from './app.ts';
import { launchBrowser, openPage, signIn, type TestPage } from './browser.ts';

export interface Suite {
  app: RunningApp;
  browser: Browser;
  /** Signed in as `signInAs`; a blank page when no role was asked for. */
  page: TestPage;
}

export interface SuiteOptions {
  payments?: number;
  signInAs?: Role;
  page?: BrowserContextOptions;
}

export async function startSuite(opts: SuiteOptions = {}): Promise<Suite> {
  const [app, browser] = await Promise.all([startApp({ payments: opts.payments }), launchBrowser()]);
  const page = await openPage(browser, opts.page);
  if (opts.signInAs) await signIn(page, app.url, opts.signInAs);
  return { app, browser, page };
}

/** Closes what startSuite opened (also after it failed half-way). */
export async function stopSuite(suite: Partial<Suite>): Promise<void> {
  await suite.browser?.close();
  await suite.app?.close();
}
