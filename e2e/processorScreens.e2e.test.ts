// The processor's screens for admins, end to end: a signed event the processor delivered shows in
// Processor events with what became of it; one that could not be applied (a merchant on a plan the
// back office does not have) shows failed with its reason, and once the cause is fixed Retry on
// its page applies it. A delivery the processor refused (409) shows failed in Deliveries to the
// processor, and Retry sends it back to the queue. Each test makes its own events and refund.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../shared/ids.ts';
import { testWorker } from '../server/outbox/testing.ts';
import { createRefund } from '../server/resources/refunds/service.ts';
import { deliver, EventStream } from '../server/test/processorEvents.ts';
import { type RunningApp } from './support/app.ts';
import { screenshot, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

/** The browser logs the refusal a retry of a still-failing event gets, if any; nothing else may show. */
const unexpected = (page: TestPage) => page.errors.filter((e) => !/status of 409/.test(e));

describe('processor events and deliveries', () => {
  let app: RunningApp, browser: Browser, admin: TestPage;
  beforeAll(async () => ({ app, browser, page: admin } = await startSuite({ payments: 200, signInAs: 'admin' })));
  afterAll(() => stopSuite({ app, browser }));

  const eventStatus = async (id: string) => (await app.t.db('processor_events').where('id', id).first('status'))?.status;

  it('shows a delivered event as applied, and a failed one is applied by Retry once its cause is fixed', async () => {
    const plan = (await app.t.db('plans').first())!;
    const stream = new EventStream(plan.id);
    const shop = stream.merchant({ name: 'Harbor Lights Coffee' });
    const latePlanId = newId('plan');
    const orphan = stream.merchant({ name: 'Orphan Plan Shop', plan_id: latePlanId });
    const [appliedEvent, failedEvent] = stream.events;
    expect((await deliver(app.t, appliedEvent)).body.status).toBe('applied');
    expect((await deliver(app.t, failedEvent)).body.status).toBe('failed');

    await admin.getByRole('menuitem', { name: 'Processor events' }).click();
    await waitForRows(admin, 'Processor events');
    const row = (objectId: string) => admin.locator('tbody .RaDataTable-row', { hasText: objectId });
    await expect.poll(() => row(shop.id).textContent()).toContain('Applied');
    expect(await row(shop.id).textContent()).toContain('merchant.created');
    await expect.poll(() => row(orphan.id).textContent()).toContain('Failed');
    expect(await row(orphan.id).textContent()).toContain(`Unknown plan "${latePlanId}"`);
    await screenshot(admin, 'processor-events-list');

    await row(orphan.id).click();
    await admin.waitForURL(new RegExp(`/events/${failedEvent.id}/show$`));
    await admin.getByText(`Unknown plan "${latePlanId}"`).waitFor();
    expect(await admin.getByTestId('event-payload').textContent()).toContain('Orphan Plan Shop');

    // The cause fixed (the plan now exists), Retry on the page applies the event.
    await app.t.db('plans').insert({ ...plan, id: latePlanId, name: `${plan.name} (late)` });
    await admin.getByRole('button', { name: 'Retry' }).click();
    await admin.getByText('Event retried: Applied').waitFor();
    expect(await eventStatus(failedEvent.id)).toBe('applied');
    expect(await app.t.db('merchants').where('id', orphan.id).first('name')).toEqual({ name: 'Orphan Plan Shop' });
    // The page shows it applied: the failure and its Retry are gone.
    await expect.poll(() => admin.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    await screenshot(admin, 'processor-event-retried');
    expect(unexpected(admin)).toEqual([]);
  });

  it('lists a delivery the processor refused as failed, and Retry sends it back to the queue', async () => {
    const payment = (await app.t.db('payments').where({ status: 'captured', amount_refunded: 0, amount_charged_back: 0 }).orderBy('id').first('id'))!;
    const user = (await app.t.db('users').where('email', 'admin@example.com').first('id'))!;
    const refundId = await app.t.db.transaction((trx) =>
      createRefund(trx, { payment_id: payment.id, amount: 100, reason: 'requested_by_customer' }, { id: user.id, ip: null, at: app.t.clock.now.toISOString() }));
    // The real worker, against a processor that holds the refund in another state: 409, so the
    // item is failed and waits for an admin (the refund stays pending).
    const refusal = `Refund ${refundId} was already requested, for another charge or amount`;
    const processor = async () => new Response(JSON.stringify({ message: refusal }), { status: 409, headers: { 'Content-Type': 'application/json' } });
    await testWorker(app.t.db, { url: 'http://processor.test', apiKey: 'test-api-key-0123456789' }, {}, processor).drain();
    const item = (await app.t.db('outbox').where('object_id', refundId).first('id', 'status', 'attempts'))!;
    expect(item).toMatchObject({ status: 'failed', attempts: 1 });

    await admin.getByRole('menuitem', { name: 'Processor deliveries' }).click();
    await waitForRows(admin, 'Processor deliveries');
    const row = admin.locator('tbody .RaDataTable-row', { hasText: refusal });
    await expect.poll(() => row.textContent()).toContain('Failed');
    expect(await row.textContent()).toContain('Refund');
    await screenshot(admin, 'outbox-failed-delivery');

    await row.getByTestId('outbox-retry').click();
    await admin.getByText('Sent back to the queue').waitFor();
    await expect.poll(async () => app.t.db('outbox').where('id', item.id).first('status', 'attempts')).toEqual({ status: 'pending', attempts: 0 });
    await expect.poll(() => row.textContent()).toContain('Pending');
    expect(await row.getByTestId('outbox-retry').count()).toBe(0);
    expect((await app.t.db('refunds').where('id', refundId).first('status'))!.status).toBe('pending');
    expect(unexpected(admin)).toEqual([]);
  });
});
