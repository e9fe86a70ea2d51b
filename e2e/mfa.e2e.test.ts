// Two-factor sign-in in the browser: an admin signs in with password and code, approves a payout
// more than 5 minutes later — the step-up dialog asks for a fresh code and the approval goes
// through once, with the same Idempotency-Key — and a new admin is sent to the set-up page, scans
// (reads) the key, confirms a first code and sees the recovery codes once.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../shared/ids.ts';
import { STEP_UP_MS } from '../server/auth/mfa/stepUp.ts';
import { totpCode } from '../server/auth/mfa/totp.ts';
import { hashPassword } from '../server/auth/password.ts';
import { DEMO_PASSWORD } from '../server/seed/seedDemo.ts';
import { freshOtp, TEST_COST } from '../server/test/harness.ts';
import { makePayout } from '../server/test/moneyFixtures.ts';
import { type RunningApp } from './support/app.ts';
import { openPage, PASSWORD, screenshot, signIn } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

describe('two-factor sign-in', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => ({ app, browser } = await startSuite()));
  afterAll(() => stopSuite({ app, browser }));

  it('signs an admin in with a code, and asks for a fresh one in a dialog before approving a payout 5 minutes later', async () => {
    const { t } = app;
    const page = await openPage(browser);
    await page.goto(`${app.url}/login`);
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').first().fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The password was right: the second step asks for the code.
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await screenshot(page, 'mfa-login-code');
    await page.getByLabel('Code').fill('000000' === (await freshOtp(t, 'admin@example.com')) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByText('That code is not valid').count()).toBe(1);
    await page.getByLabel('Code').fill(await freshOtp(t, 'admin@example.com'));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();

    const payoutId = await makePayout(t);
    t.clock.now = new Date(t.clock.now.getTime() + STEP_UP_MS + 60_000);
    await page.goto(`${app.url}/payouts/${payoutId}/show`);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const approve = page.getByTestId('approve-dialog');
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();

    const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
    await stepUp.waitFor();
    expect((await t.db('payouts').where('id', payoutId).first())!.status).toBe('pending');
    await screenshot(page, 'mfa-step-up');
    await stepUp.getByLabel('Code').fill(await freshOtp(t, 'admin@example.com'));
    await stepUp.getByRole('button', { name: 'Verify and continue' }).click();
    await stepUp.waitFor({ state: 'detached' });
    await approve.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid="record-headline"] + [data-status]').getAttribute('data-status')).toBe('processing');

    // One approval, one debit, and the retry was the same request: one key for both attempts.
    expect((await t.db('payouts').where('id', payoutId).first())!.status).toBe('processing');
    expect(await t.db('transactions').where({ source_type: 'payout', source_id: payoutId })).toHaveLength(1);
    const keys = await t.db('idempotency_keys').where('route', `POST /api/payouts/${payoutId}/approve`);
    expect(keys).toHaveLength(1);
    expect(await t.db('audit').where({ action: 'mfa.step_up', actor_id: t.users.admin.id })).toHaveLength(1);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('sends a new admin to the set-up page: QR code and key, a first code, the recovery codes once; then the app opens', async () => {
    const { t } = app;
    const email = 'new.admin@example.com';
    await t.db('users').insert({
      id: newId('user'), email, name: 'Nia New-Admin', role: 'admin', disabled: false, created_at: t.clock.now.toISOString(),
      password_hash: await hashPassword(DEMO_PASSWORD, TEST_COST),
    });
    const page = await openPage(browser);
    await page.goto(`${app.url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').first().fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/account/two-factor');
    await page.getByText('Admins must set up two-factor sign-in').waitFor();
    await page.getByRole('button', { name: 'Set up' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.getByTestId('mfa-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'mfa-enrol');
    await page.getByLabel('Code').fill(totpCode(secret, t.clock.now.getTime()));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await expect.poll(() => codes.count()).toBe(10);
    await screenshot(page, 'mfa-recovery-codes');
    await page.getByRole('button', { name: /I have saved them/ }).click();
    await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    expect((await t.db('users').where('email', email).first())!.totp_confirmed_at).not.toBeNull();
    // The page now only says it is on: the secret is not shown again.
    await page.goto(`${app.url}/account/two-factor`);
    await page.getByTestId('mfa-enabled').waitFor();
    expect(await page.getByTestId('mfa-secret').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('signs an admin in through the shared helper (code step included), as every other browser test does', async () => {
    const page = await openPage(browser);
    await signIn(page, app.url, 'admin2');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
