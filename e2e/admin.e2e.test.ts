// The admin screens end to end: an admin creates a user (the password policy speaks first),
// changes its role, disables it (its session ends and it can no longer sign in), finds all of it in
// the audit log, and suspends a merchant; an operator is offered none of this; anyone changes their
// own password, which signs out their other sessions.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp } from './support/app.ts';
import { horizontalOverflow, openPage, PASSWORD, PHONE, screenshot, signIn, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

const NEW_USER = { email: 'rosa.lima@example.com', name: 'Rosa Lima', password: 'granite lantern orbit' };

/** Browser errors other than the refusals these tests provoke on purpose (400 policy, 401). */
const unexpected = (page: TestPage) => page.errors.filter((e) => !/status of 40[01]/.test(e));

/** Lets dialogs and menus finish opening before a screenshot. */
const settle = (page: TestPage) => page.waitForTimeout(400);

async function signInAs(page: TestPage, url: string, email: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').first().fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('admin screens', () => {
  let app: RunningApp, browser: Browser, admin: TestPage;
  beforeAll(async () => ({ app, browser, page: admin } = await startSuite({ payments: 300, signInAs: 'admin' })));
  afterAll(() => stopSuite({ app, browser }));

  // One story, one test: each step needs the account the steps before it made (so the file's tests
  // run in any order). Creates, changes the role, disables, then finds it all in the audit log.
  it('a user\'s life: created (after the policy refuses a common password), role changed, disabled, audited', { timeout: 240_000 }, async () => {
    // Created, after the password policy refuses a common password on its field.
    await admin.getByRole('menuitem', { name: 'Users', exact: true }).click();
    await waitForRows(admin, 'Users');
    await admin.getByRole('link', { name: 'New user' }).click();
    await admin.waitForURL(/\/users\/create$/);
    await admin.getByLabel('Initial password').waitFor();
    await admin.getByLabel(/^Email/).fill(NEW_USER.email);
    await admin.getByLabel(/^Name/).fill(NEW_USER.name);
    await admin.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Support' }).click();
    await admin.getByLabel('Initial password').fill('password1234');
    await admin.getByRole('button', { name: 'Save' }).click();
    const refusal = admin.getByText(/Too common or easy to guess/);
    await refusal.waitFor();
    expect(await admin.getByLabel('Initial password').getAttribute('aria-invalid')).toBe('true');
    await screenshot(admin, 'admin-user-create-policy');
    expect(await app.t.db('users').where('email', NEW_USER.email).first()).toBeUndefined();

    await admin.getByLabel('Initial password').fill(NEW_USER.password);
    await expect.poll(() => refusal.count()).toBe(0);
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.waitForURL(/\/users\/usr_[^/]+\/show$/);
    await expect.poll(() => admin.getByTestId('record-headline').textContent()).toBe(NEW_USER.name);
    const row = await app.t.db('users').where('email', NEW_USER.email).first();
    expect(row).toMatchObject({ name: NEW_USER.name, role: 'support' });
    const newUserId: string = row!.id;
    await screenshot(admin, 'admin-user-created');
    expect(unexpected(admin)).toEqual([]);

    // The role changes, after confirming that their sessions end.
    await admin.getByRole('link', { name: 'Edit' }).click();
    await admin.waitForURL(new RegExp(`/users/${newUserId}$`));
    await admin.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Operator' }).click();
    await admin.getByRole('button', { name: 'Save' }).click();
    const dialog = admin.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('from Support to Operator signs them out of every session');
    await settle(admin);
    await screenshot(admin, 'admin-user-role-confirm');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await admin.waitForURL(new RegExp(`/users/${newUserId}/show$`));
    await expect.poll(async () => (await app.t.db('users').where('id', newUserId).first())!.role).toBe('operator');
    await expect.poll(() => admin.getByText('Operator', { exact: true }).count()).toBeGreaterThan(0);

    // Disabled: their open session ends and they can no longer sign in.
    const user = await openPage(browser);
    await signInAs(user, app.url, NEW_USER.email, NEW_USER.password);
    await user.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();

    await admin.getByRole('link', { name: 'Edit' }).click();
    await admin.getByLabel('Account disabled').check();
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Disabling Rosa Lima signs them out of every session at once');
    await settle(admin);
    await screenshot(admin, 'admin-user-disable-confirm');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await admin.waitForURL(new RegExp(`/users/${newUserId}/show$`));
    await expect.poll(() => admin.getByTestId('record-actions').textContent()).toContain('Disabled');
    // The account's history says who did it.
    await expect.poll(() => admin.getByTestId('user-history').locator('tbody tr').first().textContent()).toMatch(/User changed.*Alex Admin/);
    await screenshot(admin, 'admin-user-disabled', true);

    // Their next request is refused (401) and the SPA goes to the login page ...
    await user.getByRole('menuitem', { name: 'Payments', exact: true }).click();
    await user.waitForURL(/\/login(\?|$)/);
    // ... where signing in again fails like any wrong password.
    await signInAs(user, app.url, NEW_USER.email, NEW_USER.password);
    await expect.poll(() => user.getByText('Invalid email or password').count()).toBe(1);
    expect(user.url()).toMatch(/\/login$/);
    await user.context().close();

    // The audit log, filtered by that user (who), by action (what), by record and by date (when).
    await admin.getByRole('menuitem', { name: 'Audit log', exact: true }).click();
    await waitForRows(admin, 'Audit log');

    // Who: the new user did one thing, signing in.
    const actor = admin.getByRole('combobox', { name: 'Actor' });
    await actor.fill('Rosa');
    await admin.getByRole('option', { name: NEW_USER.name }).click();
    await expect.poll(() => admin.url()).toContain(encodeURIComponent(`"actor_id":"${newUserId}"`));
    await expect.poll(async () => (await admin.locator('tbody .RaDataTable-row').allTextContents()).join('|')).toMatch(/^[^|]*Signed in[^|]*$/);
    await screenshot(admin, 'admin-audit-by-actor');

    // Which record: everything that happened to the account, newest first.
    await admin.goto(`${app.url}/audit?filter=${encodeURIComponent(JSON.stringify({ entity_id: newUserId }))}`);
    const actions = () => admin.locator('tbody .RaDataTable-row td.column-action').allTextContents();
    await expect.poll(actions).toEqual(['Sign-in failed', 'User changed', 'Signed in', 'User changed', 'User created']);
    expect(await admin.getByLabel('Record id').inputValue()).toBe(newUserId);

    // What: only the changes, and when: the day they happened (in the browser's time zone).
    await admin.getByRole('combobox', { name: 'Action' }).click();
    await admin.getByRole('option', { name: 'User changed' }).click();
    await expect.poll(actions).toEqual(['User changed', 'User changed']);
    await admin.getByRole('button', { name: 'Add filter' }).click();
    await admin.getByRole('menuitemcheckbox', { name: 'Created from' }).click();
    // The test clock is at 2026-11-21T12:00Z: 6 am on the 21st in Mexico City.
    await admin.getByLabel('Created from').fill('2026-11-22');
    await expect.poll(() => admin.url()).toContain('created_at_gte');
    await expect.poll(() => admin.locator('tbody .RaDataTable-row').count()).toBe(0);
    await admin.getByLabel('Created from').fill('2026-11-21');
    await expect.poll(actions).toEqual(['User changed', 'User changed']);
    await screenshot(admin, 'admin-audit-filtered');

    // The newest change in words: Disabled, No → Yes. No way to edit or delete it.
    await admin.locator('tbody .RaDataTable-row').first().click();
    await admin.waitForURL(/\/audit\/aud_[^/]+\/show$/);
    const changes = admin.getByTestId('audit-changes');
    await expect.poll(async () => (await changes.locator('tr').allTextContents())).toEqual(['FieldBeforeAfter', 'DisabledNoYes']);
    expect(await admin.getByRole('button', { name: /Edit|Delete/ }).count()).toBe(0);
    await screenshot(admin, 'admin-audit-detail', true);
    expect(unexpected(admin)).toEqual([]);
  });

  it('suspends a merchant after reading what that means', async () => {
    const merchant = await app.t.db('merchants').where('status', 'active').orderBy('id').first();
    await admin.goto(`${app.url}/merchants/${merchant!.id}/show`);
    await expect.poll(() => admin.getByTestId('record-headline').textContent()).toBe(merchant!.name);
    await admin.getByRole('button', { name: 'Status and plan' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('radio', { name: /Suspended/ }).check();
    expect(await dialog.textContent()).toContain('Suspended: the merchant is put on hold');
    await expect.poll(() => dialog.getByTestId('merchant-admin-effect').textContent()).toContain('Status: Active → Suspended');
    await settle(admin);
    await screenshot(admin, 'admin-merchant-suspend');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await app.t.db('merchants').where('id', merchant!.id).first())!.status).toBe('suspended');
    await expect.poll(() => admin.getByText('Suspended', { exact: true }).count()).toBeGreaterThan(0);
    const audit = await app.t.db('audit').where({ action: 'merchant.updated', entity_id: merchant!.id }).first();
    expect(JSON.parse(audit!.detail!)).toEqual({ from: { status: 'active' }, to: { status: 'suspended' } });
    await screenshot(admin, 'admin-merchant-suspended');
    expect(unexpected(admin)).toEqual([]);
  });

  it('offers an operator none of it, but their own password', async () => {
    const page = await openPage(browser);
    await signIn(page, app.url, 'operator');
    const merchant = await app.t.db('merchants').orderBy('id').first();
    await page.goto(`${app.url}/merchants/${merchant!.id}/show`);
    await expect.poll(() => page.getByTestId('record-headline').textContent()).toBe(merchant!.name);
    await expect.poll(() => page.getByText('Pricing').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Status and plan' }).count()).toBe(0);
    await page.goto(`${app.url}/users/create`);
    await expect.poll(() => page.getByText(/permission|Access denied/i).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Initial password').count()).toBe(0);
    await page.getByRole('button', { name: 'Profile' }).click();
    expect(await page.getByRole('menuitem', { name: 'Change password' }).count()).toBe(1);
    await settle(page);
    await screenshot(page, 'admin-operator-menu');
    await page.context().close();
  });

  it('changes one\'s own password, which signs out the other sessions', async () => {
    const [here, elsewhere] = [await openPage(browser), await openPage(browser)];
    await signIn(here, app.url, 'support2');
    await signIn(elsewhere, app.url, 'support2');
    // The other browser is at work on the disputes list.
    await elsewhere.getByRole('menuitem', { name: 'Disputes', exact: true }).click();
    await waitForRows(elsewhere, 'Disputes');
    await here.getByRole('button', { name: 'Profile' }).click();
    await here.getByRole('menuitem', { name: 'Change password' }).click();
    await here.waitForURL(/\/account\/password$/);
    await expect.poll(() => here.getByText(/signs you out everywhere else/).count()).toBe(1);
    await here.getByLabel(/^Current password/).fill('not-the-password');
    await here.getByLabel(/^New password/).fill('quiet harbour kettle');
    await here.getByLabel(/^Repeat the new password/).fill('quiet harbour kettle');
    await here.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => here.getByText('The current password is not correct').count()).toBe(1);
    await here.getByLabel(/^Current password/).fill(PASSWORD);
    await screenshot(here, 'admin-change-password');
    await here.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => here.getByTestId('password-changed').textContent()).toBe('Password changed. Your other sessions have been signed out.');
    await screenshot(here, 'admin-change-password-done');

    // This browser stays signed in; the other one is sent to the login page at its next request.
    await here.getByRole('menuitem', { name: 'Disputes', exact: true }).click();
    await waitForRows(here, 'Disputes');
    // Its next request (filtering the list) answers 401: to the sign-in page, saying why.
    await elsewhere.getByTestId('filter-sidebar').getByText('Lost', { exact: true }).click();
    await elsewhere.waitForURL(/\/login\?reason=ended$/);
    // The old password no longer works; the new one does.
    await signInAs(elsewhere, app.url, 'support2@example.com', PASSWORD);
    await expect.poll(() => elsewhere.getByText('Invalid email or password').count()).toBe(1);
    await signInAs(elsewhere, app.url, 'support2@example.com', 'quiet harbour kettle');
    // Signed in again: back on the list where the session ended, with its filter (path + query).
    await elsewhere.waitForURL((url) => url.pathname === '/disputes' && url.search.includes(encodeURIComponent('"status":"lost"')));
    await elsewhere.locator('#react-admin-title', { hasText: 'Disputes' }).waitFor();
    // The list answers with the filter applied (rows, or none lost yet).
    await elsewhere.locator('.RaDataTable-row').or(elsewhere.getByText(/No Disputes found using the current filters/)).first().waitFor();
    await screenshot(elsewhere, 'admin-signed-in-again-back-on-disputes');
    expect(unexpected(here)).toEqual([]);
    await here.context().close();
    await elsewhere.context().close();
  });

  it('works in Portuguese on a phone: closing a merchant, its audit entry and the password page', async () => {
    const page = await openPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
    await signIn(page, app.url, 'admin');
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Português' }).click();
    await page.getByRole('heading', { level: 1, name: /Olá/ }).waitFor();
    const merchant = await app.t.db('merchants').where('status', 'active').orderBy('id', 'desc').first();
    await page.goto(`${app.url}/merchants/${merchant!.id}/show`);
    await expect.poll(() => page.getByTestId('record-headline').textContent()).toBe(merchant!.name);
    await screenshot(page, 'admin-phone-pt-merchant-page');
    await page.getByRole('button', { name: 'Status e plano' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /Encerrado/ }).check();
    expect(await dialog.textContent()).toContain('a relação com o lojista terminou');
    await expect.poll(() => dialog.getByTestId('merchant-admin-effect').textContent()).toContain('Status: Ativo → Encerrado');
    await settle(page);
    await screenshot(page, 'admin-phone-pt-merchant');
    await dialog.getByRole('button', { name: 'Aplicar' }).click();
    await expect.poll(async () => (await app.t.db('merchants').where('id', merchant!.id).first())!.status).toBe('closed');

    const entry = await app.t.db('audit').where({ action: 'merchant.updated', entity_id: merchant!.id }).first();
    await page.goto(`${app.url}/audit/${entry!.id}/show`);
    await expect.poll(() => page.getByTestId('record-headline').textContent()).toBe('Lojista alterado');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-phone-pt-audit', true);

    await page.goto(`${app.url}/account/password`);
    await expect.poll(() => page.getByText(/Trocar a senha encerra suas outras sessões/).count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-phone-pt-password');
    expect(unexpected(page)).toEqual([]);
    await page.context().close();
  });
});
