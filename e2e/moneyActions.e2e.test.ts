// The money actions in the browser: an operator refunds part of a payment (once, however often
// the button is clicked) and sees the refund and its ledger entry; an admin works the approval
// queue (approve, decline with a reason, a refusal shown as the server wrote it) and a large
// payout takes two different admins; support works a dispute from "Assign to me" to a submitted
// response with uploaded evidence. Pages run on the server's clock, so deadlines agree.
import { deflateSync, crc32 } from 'node:zlib';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../shared/currencies.ts';
import type { PayoutRow } from '../server/db/tables.ts';
import { makeDispute } from '../server/test/moneyFixtures.ts';
import { deliver } from '../server/test/processorEvents.ts';
import { type RunningApp } from './support/app.ts';
import { horizontalOverflow, openPage, PHONE, screenshot, signIn, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

const usd = (minor: number) => formatMoney(minor, 'USD', 'en-US');
const major = (minor: number) => (minor / 100).toFixed(2);

/** A real PNG (a striped "receipt"), so the preview has something to show. */
function receiptPng(width = 96, height = 64): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(y % 8 < 4 ? [83, 58, 253] : [240, 242, 250], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}
/** The browser logs the refusals these tests provoke on purpose. */
const REFUSED = /status of (409|415)/;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describe('money actions', () => {
  let app: RunningApp;
  let browser: Browser;

  /** A signed-in page whose clock is the server's (the seed's "today"). */
  async function pageAs(role: Parameters<typeof signIn>[2], options: BrowserContextOptions = {}): Promise<TestPage> {
    const page = await openPage(browser, options);
    await page.clock.install({ time: app.t.clock.now });
    await signIn(page, app.url, role);
    return page;
  }

  beforeAll(async () => ({ app, browser } = await startSuite()));
  afterAll(() => stopSuite({ app, browser }));

  it('lets an operator refund part of a captured payment once, and shows the refund and its ledger entry', async () => {
    const db = app.t.db;
    const payment = await db('payments')
      .where({ status: 'captured', currency: 'USD', amount_refunded: 0 })
      .whereNotIn('id', db('disputes').select('payment_id'))
      .where('amount', '>=', 2000).orderBy('id').first();
    const page = await pageAs('operator');
    await page.goto(`${app.url}/payments/${payment!.id}/show`);

    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const dialog = page.getByTestId('refund-dialog');
    const amount = dialog.getByTestId('refund-amount');
    expect(await amount.inputValue()).toBe(major(payment!.amount));
    const partial = Math.floor(payment!.amount / 4);
    await amount.fill(major(partial));
    await dialog.getByTestId('refund-reason').click();
    await page.getByRole('option', { name: 'Requested by customer' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await dialog.getByLabel('Note (optional)').fill('Customer returned one of four items');
    await screenshot(page, 'money-refund-dialog');
    // A double click is one refund.
    await dialog.getByRole('button', { name: `Refund ${usd(partial)}` }).dblclick();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText(`Refund of ${usd(partial)} created`).count()).toBe(1);

    const refunds = page.getByTestId('related-refunds');
    await expect.poll(() => refunds.locator('tbody tr').count()).toBe(1);
    expect(await refunds.locator('tbody tr').first().textContent()).toContain(usd(partial));
    const ledger = page.getByTestId('related-transactions');
    await expect.poll(() => ledger.locator('tbody tr').filter({ hasText: 'Refund' }).count()).toBe(1);
    expect(await ledger.locator('tbody tr').filter({ hasText: 'Refund' }).textContent()).toContain(`-${usd(partial)}`);
    // Pending until the processor confirms it (docs/processor.md); then it reads as refunded.
    await expect.poll(() => page.getByTestId('payment-timeline').textContent()).toContain(`Refund of ${usd(partial)} pending`);
    const refund = await db('refunds').where('payment_id', payment!.id).first();
    expect(refund).toMatchObject({ status: 'pending', amount: partial });
    const confirmed = await deliver(app.t, {
      id: 'evt_e2e_refund_succeeded', type: 'refund.succeeded', created_at: app.t.clock.now.toISOString(),
      data: { ...refund!, status: 'succeeded' as const },
    });
    expect(confirmed.body).toMatchObject({ status: 'applied' });
    await page.reload();
    await expect.poll(() => page.getByTestId('payment-timeline').textContent()).toContain(`Refunded ${usd(partial)}`);
    await screenshot(page, 'money-refund-done', true);
    expect(await db('refunds').where('payment_id', payment!.id).count({ n: '*' }).first()).toMatchObject({ n: 1 });
    expect((await db('payments').where('id', payment!.id).first())!.amount_refunded).toBe(partial);

    // Someone else refunds meanwhile: the server's refusal is shown as it is, and a corrected
    // amount goes through as a new request.
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const remaining = payment!.amount - partial;
    expect(await amount.inputValue()).toBe(major(remaining));
    const agent = await app.t.agent('operator');
    await agent.post('/api/refunds').set('Idempotency-Key', 'e2e-other-desk').send({ payment_id: payment!.id, amount: 100, reason: 'duplicate' }).expect(201);
    await dialog.getByTestId('refund-reason').click();
    await page.getByRole('option', { name: 'Duplicate' }).click();
    await dialog.getByRole('button', { name: `Refund ${usd(remaining)}` }).click();
    const refusal = `The refund of ${usd(remaining)} exceeds what remains refundable on this payment (${usd(remaining - 100)})`;
    await expect.poll(() => dialog.getByTestId('action-error').textContent()).toBe(refusal);
    await screenshot(page, 'money-refund-refused');
    await amount.fill(major(remaining - 100));
    await dialog.getByRole('button', { name: `Refund ${usd(remaining - 100)}` }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('related-refunds').locator('tbody tr').count()).toBe(3);
    // Fully refunded: nothing left to offer.
    await expect.poll(() => page.getByRole('button', { name: 'Refund', exact: true }).count()).toBe(0);
    expect((await db('payments').where('id', payment!.id).first())!.amount_refunded).toBe(payment!.amount);
    expect(page.errors.filter((e) => !REFUSED.test(e))).toEqual([]);
    await page.context().close();
  });

  it('lets an admin work the approval queue: approve one payout, decline another with a reason, see a refusal as the server wrote it', async () => {
    const db = app.t.db;
    const open = await db('payouts').whereIn('status', ['pending', 'pending_second_approval']).orderBy([{ column: 'created_at' }, { column: 'id' }]);
    const page = await pageAs('admin');
    await page.goto(`${app.url}/payouts`);
    await waitForRows(page, 'Payouts');
    await page.getByRole('tab', { name: `Approval queue (${open.length})` }).click();
    await expect.poll(() => page.locator('tbody .RaDataTable-row').first().textContent()).toContain(`#${open[0].payout_number}`);
    await screenshot(page, 'money-payout-queue');

    // The oldest first: approve it.
    const first = open[0];
    const balance = await db('balances').where({ merchant_id: first.merchant_id, currency: first.currency }).first();
    expect(balance!.available).toBeGreaterThanOrEqual(first.amount);
    await page.locator('tbody .RaDataTable-row').first().click();
    await page.waitForURL(new RegExp(`/payouts/${first.id}/show$`));
    await expect.poll(() => page.getByTestId('balance-check').textContent()).toContain('covers this payout');
    await expect.poll(() => page.getByTestId('payout-available').textContent()).toContain(formatMoney(balance!.available, first.currency, 'en-US'));
    await page.getByTestId('payout-open-disputes').waitFor();
    await page.getByTestId('payout-recent-refunds').waitFor();
    await screenshot(page, 'money-payout-decision', true);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const approve = page.getByTestId('approve-dialog');
    await expect.poll(() => approve.textContent()).toContain(`#${first.payout_number}`);
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    await approve.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid="record-headline"] + [data-status]').getAttribute('data-status')).toBe('processing');
    await expect.poll(() => page.getByTestId('related-transactions').locator('tbody tr').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
    expect((await db('payouts').where('id', first.id).first())!.status).toBe('processing');
    await screenshot(page, 'money-payout-approved');

    // The next one: declining needs a reason.
    const second = open[1];
    await page.goto(`${app.url}/payouts/${second.id}/show`);
    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    const decline = page.getByTestId('decline-dialog');
    await decline.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect.poll(() => decline.getByText('A reason is required to decline a payout').count()).toBe(1);
    await decline.getByLabel('Reason').fill('Bank account under review');
    await screenshot(page, 'money-payout-decline-dialog');
    await decline.getByRole('button', { name: 'Decline', exact: true }).click();
    await decline.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('payout-approvals').textContent()).toContain('Bank account under review');
    expect(await db('payouts').where('id', second.id).first()).toMatchObject({ status: 'declined', decline_reason: 'Bank account under review' });

    // A payout the balance cannot cover: the panel warns, the server refuses, its message is shown.
    const candidates = await db('payouts').where('status', 'pending').orderBy('id');
    let short!: PayoutRow & { available: number }; // found below: the seed has one
    for (const p of candidates) {
      const b = await db('balances').where({ merchant_id: p.merchant_id, currency: p.currency }).first();
      if (b && b.available < p.amount) short = { ...p, available: b.available };
    }
    // The page knows: "Balance short" in the queue and the header, and Approve disabled, saying why.
    await page.goto(`${app.url}/payouts?filter=${encodeURIComponent(JSON.stringify({ id: short.id }))}`);
    await expect.poll(() => page.locator('tbody .RaDataTable-row').first().getByTestId('flag-balance-short').count()).toBe(1);
    await page.goto(`${app.url}/payouts/${short.id}/show`);
    await expect.poll(() => page.getByTestId('balance-check').textContent()).toContain('does not cover this payout');
    await expect.poll(() => page.getByTestId('payout-subtitle').textContent()).toContain('Balance short');
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('approve-disabled-reason').textContent()).toContain('the server would refuse the approval');
    await screenshot(page, 'money-payout-short');
    // A page that read the balance before it fell short: the server refuses, and says so.
    await page.route('**/api/balances/**', (route) => route.fulfill({
      json: { id: `${short.merchant_id}:${short.currency}`, merchant_id: short.merchant_id, currency: short.currency, available: short.amount * 2, pending: 0 },
    }));
    await page.reload();
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    const money = (n: number) => formatMoney(n, short.currency, 'en-US');
    const refusal = `The merchant\u2019s available balance (${money(short.available)}) does not cover this payout of ${money(short.amount)}`;
    await expect.poll(() => approve.getByTestId('action-error').textContent()).toBe(refusal);
    await screenshot(page, 'money-payout-refused');
    await page.unroute('**/api/balances/**');
    expect((await db('payouts').where('id', short.id).first())!.status).toBe('pending');
    expect(page.errors.filter((e) => !REFUSED.test(e))).toEqual([]);
    await page.context().close();
  });

  it('needs two different admins for a large payout', async () => {
    const db = app.t.db;
    // A large payout with no approval yet (the seed's large ones already hold a first approval).
    const large = await db('payouts').where('status', 'pending_second_approval').where('amount', '>=', app.t.ctx.config.PAYOUT_DUAL_APPROVAL_MINOR).orderBy('id').first();
    await db('payouts').where('id', large!.id).update({ status: 'pending', approvals: '[]' });

    const admin = await pageAs('admin');
    await admin.goto(`${app.url}/payouts/${large!.id}/show`);
    await admin.getByRole('button', { name: 'Approve', exact: true }).click();
    const approve = admin.getByTestId('approve-dialog');
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    await approve.waitFor({ state: 'detached' });
    await expect.poll(() => admin.getByTestId('approval-stage').textContent()).toMatch(/Requires two approvals\. First approved by You/);
    await expect.poll(() => admin.getByText(/requires two approvals, so another admin must approve it/).count()).toBe(1);
    const button = admin.getByRole('button', { name: 'Approve', exact: true });
    expect(await button.isDisabled()).toBe(true);
    await button.locator('..').hover();
    await expect.poll(() => admin.getByRole('tooltip').textContent()).toContain('a second, different admin must approve');
    await screenshot(admin, 'money-payout-second-approval');
    expect((await db('payouts').where('id', large!.id).first())!.status).toBe('pending_second_approval');

    const admin2 = await pageAs('admin2');
    await admin2.goto(`${app.url}/payouts/${large!.id}/show`);
    await admin2.getByRole('button', { name: 'Approve', exact: true }).click();
    const approve2 = admin2.getByTestId('approve-dialog');
    await expect.poll(() => approve2.textContent()).toContain('This is the second approval');
    await approve2.getByRole('button', { name: 'Approve', exact: true }).click();
    await approve2.waitFor({ state: 'detached' });
    await expect.poll(() => admin2.getByTestId('payout-approvals').locator('time').count()).toBe(2);
    const row = await db('payouts').where('id', large!.id).first();
    expect(row!.status).toBe('processing');
    expect(JSON.parse(row!.approvals).map((a: { user_id: string }) => a.user_id)).toHaveLength(2);
    expect(admin.errors).toEqual([]);
    expect(admin2.errors).toEqual([]);
    await admin.context().close();
    await admin2.context().close();
  });

  it('lets support work a dispute: assign to me, note, response, evidence (a refused file, a removed one), submit', async () => {
    const db = app.t.db;
    const today = app.t.clock.now.toISOString().slice(0, 10);
    const dispute = await db('disputes').where({ status: 'needs_response' }).whereNull('assignee_id')
      .where('response_due_date', '>=', today).orderBy('response_due_date').first();
    const support = await db('users').where('email', 'support@example.com').first();
    const page = await pageAs('support');

    // Support reads payments but does not refund them.
    await page.goto(`${app.url}/payments/${dispute!.payment_id}/show`);
    await page.getByTestId('payment-timeline').waitFor();
    expect(await page.getByRole('button', { name: 'Refund', exact: true }).count()).toBe(0);

    await page.goto(`${app.url}/disputes/${dispute!.id}/show`);
    const work = page.getByTestId('dispute-work');
    await expect.poll(() => page.getByTestId('deadline-countdown').textContent()).toMatch(/^\d+ d \d+ h left$/);
    await expect.poll(() => page.getByTestId('dispute-payment').textContent()).toContain('@');
    const submit = page.getByTestId('submit-response');
    expect(await submit.isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('submit-checklist').textContent()).toContain('Write the response');
    await screenshot(page, 'money-dispute-start', true);

    await work.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => page.getByTestId('dispute-assignee').textContent()).toContain('You');
    expect((await db('disputes').where('id', dispute!.id).first())!.assignee_id).toBe(support!.id);

    // "My disputes" now lists it.
    await page.goto(`${app.url}/disputes`);
    await waitForRows(page, 'Disputes');
    await page.getByRole('tab', { name: /My disputes/ }).click();
    await expect.poll(() => page.locator('tbody .RaDataTable-row').count()).toBe(1);
    await screenshot(page, 'money-my-disputes');
    await page.locator('tbody .RaDataTable-row').first().click();
    await page.waitForURL(new RegExp(`/disputes/${dispute!.id}/show$`));

    await page.getByTestId('note-text').fill('Called the customer: the parcel was left with a neighbour.');
    await page.getByRole('button', { name: 'Add note' }).click();
    const notes = page.getByTestId('dispute-note');
    await expect.poll(() => notes.count()).toBe(1);
    expect(await notes.first().textContent()).toContain('You');

    await page.getByTestId('response-text').fill('The order was delivered on 3 November and signed for; tracking and the signed receipt are attached.');
    await expect.poll(() => page.getByTestId('submit-checklist').textContent()).toContain('unsaved changes');
    await page.getByRole('button', { name: 'Save response' }).click();
    await expect.poll(() => page.getByTestId('submit-checklist').textContent()).toContain('Response written and saved');

    // Evidence: a PNG dropped on the box, a PDF chosen from the file picker.
    const drop = await page.evaluateHandle((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'signed-receipt.png', { type: 'image/png' }));
      return data;
    }, [...receiptPng()]);
    await page.getByTestId('evidence-dropzone').dispatchEvent('drop', { dataTransfer: drop });
    await expect.poll(() => page.getByTestId('evidence-file').count()).toBe(1);
    await page.getByTestId('evidence-input').setInputFiles({ name: 'tracking.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.getByTestId('evidence-file').count()).toBe(2);
    const preview = page.getByTestId('evidence-preview');
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    const files = await page.getByTestId('evidence-file').allTextContents();
    expect(files[0]).toMatch(/signed-receipt\.png.*PNG.*You/);
    expect(files[1]).toMatch(/tracking\.pdf.*PDF.*You/);
    expect(await page.getByRole('link', { name: 'tracking.pdf' }).getAttribute('href')).toMatch(new RegExp(`^/api/disputes/${dispute!.id}/attachments/dpa_`));
    await expect.poll(() => submit.isDisabled()).toBe(false);

    // A text file named like an image: the server checks the content and refuses it; the message
    // is shown as it is. A file added by mistake can be removed while the dispute is open.
    await page.getByTestId('evidence-input').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text') });
    await expect.poll(() => page.getByTestId('evidence-upload').textContent()).toContain('Only PDF, PNG and JPEG files are accepted (checked by their content)');
    await page.getByTestId('evidence-upload').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('evidence-input').setInputFiles({ name: 'wrong-order.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.getByTestId('evidence-file').count()).toBe(3);
    await page.getByRole('button', { name: 'Remove wrong-order.pdf' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByTestId('evidence-file').count()).toBe(2);
    expect(await page.getByTestId('evidence-file').allTextContents()).not.toContain(expect.stringContaining('wrong-order'));
    await screenshot(page, 'money-dispute-ready', true);

    await submit.click();
    const dialog = page.getByTestId('submit-dialog');
    await expect.poll(() => dialog.textContent()).toContain('(2 files)');
    await dialog.getByRole('button', { name: 'Submit response' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText('Response submitted: the dispute is under review').count()).toBe(1);
    await expect.poll(() => work.textContent()).toContain('Under review');
    // Out of our hands: read-only, the note thread still open.
    expect(await page.getByTestId('response-text').count()).toBe(0);
    expect(await page.getByTestId('evidence-dropzone').count()).toBe(0);
    expect(await page.getByTestId('note-text').count()).toBe(1);
    await screenshot(page, 'money-dispute-submitted', true);
    const row = await db('disputes').where('id', dispute!.id).first();
    expect(row!.status).toBe('under_review');
    expect(await db('dispute_attachments').where('dispute_id', dispute!.id).count({ n: '*' }).first()).toMatchObject({ n: 2 });
    expect(page.errors.filter((e) => !REFUSED.test(e))).toEqual([]);
    await page.context().close();
  });

  it('fits a phone: the approval panel, the refund dialog and the dispute workspace, where a dispute is accepted', async () => {
    const db = app.t.db;
    const page = await pageAs('admin', { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const payout = await db('payouts').whereIn('status', ['pending', 'pending_second_approval']).orderBy('id').first();
    await page.goto(`${app.url}/payouts/${payout!.id}/show`);
    await page.getByTestId('balance-check').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'money-phone-payout', true);

    const payment = await db('payments').where({ status: 'captured', amount_refunded: 0, currency: 'JPY' }).orderBy('id').first()
      ?? await db('payments').where({ status: 'captured', amount_refunded: 0 }).orderBy('id').first();
    await page.goto(`${app.url}/payments/${payment!.id}/show`);
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.getByTestId('refund-dialog').getByTestId('refund-amount').waitFor();
    await page.waitForTimeout(300); // the dialog's fade-in, for the screenshot
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'money-phone-refund');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // A dispute of its own, opened now, so this test does not depend on what the others left.
    const dispute = await db('disputes').where('id', await makeDispute(app.t, { response: null, attachment: false })).first();
    await page.goto(`${app.url}/disputes/${dispute!.id}/show`);
    await page.getByTestId('evidence-dropzone').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'money-phone-dispute', true);

    // Accepting: the merchant concedes, the amount stays debited.
    await page.getByRole('button', { name: 'Accept dispute' }).click();
    const accept = page.getByTestId('accept-dialog');
    await expect.poll(() => accept.textContent()).toContain(`the amount stays debited (${formatMoney(dispute!.amount, dispute!.currency, 'en-US')})`);
    await page.waitForTimeout(300); // the dialog's fade-in, for the screenshot
    await screenshot(page, 'money-phone-accept');
    await accept.getByRole('button', { name: 'Accept dispute' }).click();
    await accept.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('dispute-work').textContent()).toContain('Accepted');
    expect(await page.getByTestId('evidence-dropzone').count()).toBe(0);
    expect((await db('disputes').where('id', dispute!.id).first())!.status).toBe('accepted');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
