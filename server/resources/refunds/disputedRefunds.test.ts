// A payment is never refunded and charged back for the same money (docs/money.md, "Refunds and
// disputes"): refunds leave out what disputes that are not won have taken, dispute openings leave
// out what refunds have taken, and of a refund and a dispute opening racing for the same money
// exactly one gets it. SQLite always; PostgreSQL when configured.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoNow } from '../../context.ts';
import { createTestApp, ENGINES, type TestApp } from '../../test/harness.ts';
import { chargebackViolations, expectMoneyInvariants } from '../../test/invariants.ts';
import { freshPayment } from '../../test/moneyFixtures.ts';
import { openDispute, resolveDispute } from '../disputes/outcomes.ts';
import { acceptDispute } from '../disputes/service.ts';
import { createRefund } from './service.ts';

describe.each(ENGINES)('refunds of disputed payments on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.drop());

  const actor = () => ({ id: t.users.admin.id, ip: null, at: isoNow(t.ctx) });
  const refund = async (body: object) =>
    (await t.agent('operator')).post('/api/refunds').set('Idempotency-Key', randomUUID()).send(body);
  const dispute = (paymentId: string, amount?: number) =>
    t.db.transaction((trx) => openDispute(trx, { payment_id: paymentId, amount }, actor()));
  const paymentRow = (id: string) => t.db('payments').where('id', id).first();
  const movedFor = async (paymentId: string) => ({
    refunds: (await t.db('refunds').where('payment_id', paymentId)).length,
    disputes: (await t.db('disputes').where('payment_id', paymentId)).length,
    ledger: (await t.db('transactions').whereIn('source_type', ['refund', 'dispute'])
      .whereIn('source_id', t.db('refunds').where('payment_id', paymentId).select('id')
        .union((qb) => qb.select('id').from('disputes').where('payment_id', paymentId)))).length,
  });

  it.each(['needs_response', 'under_review', 'lost', 'accepted'])(
    'When a payment has a dispute that is %s, then neither a full nor a partial refund goes through, with a 409 saying why',
    async (status) => {
      const p = await freshPayment(t.db, { minAmount: 1000 });
      const id = await dispute(p.id);
      await t.db.transaction(async (trx) => {
        if (status === 'under_review') await trx('disputes').where('id', id).update({ status, submitted_at: actor().at });
        if (status === 'lost') await resolveDispute(trx, id, 'lost', actor());
        if (status === 'accepted') await acceptDispute(trx, id, actor());
      });
      const before = await movedFor(p.id);

      const full = await refund({ payment_id: p.id, reason: 'requested_by_customer' });
      expect(full.status).toBe(409);
      expect(full.body.message).toMatch(/^Nothing remains refundable on this payment: \S+ is disputed; a disputed amount goes back to the cardholder through the dispute/);
      const part = await refund({ payment_id: p.id, amount: 1, reason: 'requested_by_customer' });
      expect(part.status).toBe(409);
      expect(part.body.message).toMatch(/disputed/);

      expect(await movedFor(p.id)).toEqual(before);
      expect(Number((await paymentRow(p.id))!.amount_refunded)).toBe(0);
      await expectMoneyInvariants(t.db);
    },
  );

  it('When part of a payment is disputed, then only the rest can be refunded, and the 409 names both amounts', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const disputed = Math.floor(p.amount / 2);
    await dispute(p.id, disputed);
    const rest = p.amount - disputed;

    const tooMuch = await refund({ payment_id: p.id, amount: rest + 1, reason: 'other' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.message).toMatch(/exceeds what remains refundable on this payment \(\S+\); \S+ of the payment is disputed, and a disputed amount/);
    expect(tooMuch.body.message).toContain(`$${(rest / 100).toFixed(2)}`);

    const ok = await refund({ payment_id: p.id, reason: 'other' });
    expect(ok.status).toBe(201);
    expect(ok.body.amount).toBe(rest);
    const row = await paymentRow(p.id);
    expect([Number(row!.amount_refunded), Number(row!.amount_charged_back)]).toEqual([rest, disputed]);
    await expectMoneyInvariants(t.db);
  });

  it('When the dispute is won, then its amount can be refunded again', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const id = await dispute(p.id);
    expect((await refund({ payment_id: p.id, reason: 'other' })).status).toBe(409);
    await t.db.transaction((trx) => resolveDispute(trx, id, 'won', actor()));
    expect(Number((await paymentRow(p.id))!.amount_charged_back)).toBe(0);

    const res = await refund({ payment_id: p.id, reason: 'other' });
    expect(res.status).toBe(201);
    expect(res.body.amount).toBe(p.amount);
    await expectMoneyInvariants(t.db);
  });

  it('When a dispute would take more than is neither refunded nor disputed, then it is refused (409) and nothing is recorded', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    expect((await refund({ payment_id: p.id, amount: 400, reason: 'other' })).status).toBe(201);
    const before = await movedFor(p.id);
    await expect(dispute(p.id, p.amount)).rejects.toMatchObject({
      status: 409, message: expect.stringMatching(/exceeds what is neither refunded nor disputed on this payment/),
    });
    expect(await movedFor(p.id)).toEqual(before);

    // Without an amount it disputes what is left; then nothing is left for anyone.
    const id = await dispute(p.id);
    expect(Number((await t.db('disputes').where('id', id).first())!.amount)).toBe(p.amount - 400);
    await expect(dispute(p.id)).rejects.toMatchObject({ status: 409 });
    expect((await refund({ payment_id: p.id, amount: 1, reason: 'other' })).status).toBe(409);
    await expectMoneyInvariants(t.db);
  });

  it('When the invariant is broken behind the rules\u2019 back, then the invariant check names the payment', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    await dispute(p.id);
    await t.db('payments').where('id', p.id).update({ amount_refunded: 1 });
    try {
      expect(await chargebackViolations(t.db)).toEqual([`payment ${p.id}: refunded 1 + disputed and not won ${p.amount} > amount ${p.amount}`]);
    } finally {
      await t.db('payments').where('id', p.id).update({ amount_refunded: 0 });
    }
  });

  /** Runs `first` in a transaction held open until `second` has started and had time to reach the payment row. */
  async function interleave(first: (trx: Knex.Transaction) => Promise<unknown>, second: () => Promise<unknown>) {
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ran = new Promise<void>((r) => (started = r));
    const held = t.db.transaction(async (trx) => {
      await first(trx);
      started();
      await gate;
    });
    await ran;
    let settled = false;
    const other = second().finally(() => (settled = true));
    await sleep(300);
    const waited = !settled;
    release();
    await held;
    return { waited, result: await other.then((value) => ({ ok: true as const, value }), (error) => ({ ok: false as const, error })) };
  }

  it('When a dispute opens while a full refund is running, then the refund waits and is refused with 409 once the dispute commits', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const agent = await t.agent('operator');
    const { waited, result } = await interleave(
      (trx) => openDispute(trx, { payment_id: p.id }, actor()),
      async () => agent.post('/api/refunds').set('Idempotency-Key', randomUUID()).send({ payment_id: p.id, reason: 'fraudulent' }),
    );
    expect(waited).toBe(true);
    expect(result.ok && (result.value as request.Response).status).toBe(409);
    expect(result.ok && (result.value as request.Response).body.message).toMatch(/disputed/);
    expect(Number((await paymentRow(p.id))!.amount_refunded)).toBe(0);
    await expectMoneyInvariants(t.db);
  });

  it('When a refund is running as a dispute opens, then the dispute waits and is refused with 409 once the refund commits', async () => {
    const p = await freshPayment(t.db, { minAmount: 1000 });
    const { waited, result } = await interleave(
      (trx) => createRefund(trx, { payment_id: p.id, reason: 'fraudulent' }, actor()),
      () => dispute(p.id, p.amount),
    );
    expect(waited).toBe(true);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ status: 409 });
    expect(await t.db('disputes').where('payment_id', p.id)).toHaveLength(0);
    await expectMoneyInvariants(t.db);
  });

  it('When refunds and dispute openings for the whole payment fire at the same moment, then exactly one wins each time', async () => {
    const agent = await t.agent('operator');
    for (let round = 0; round < 8; round++) {
      const p = await freshPayment(t.db, { minAmount: 500 });
      const outcomes = await Promise.allSettled([
        agent.post('/api/refunds').set('Idempotency-Key', randomUUID()).send({ payment_id: p.id, reason: 'fraudulent' })
          .then((r) => (r.status === 201 ? 'refunded' : Promise.reject(Object.assign(new Error(r.body.message), { status: r.status })))),
        dispute(p.id, p.amount).then(() => 'disputed'),
        agent.post('/api/refunds').set('Idempotency-Key', randomUUID()).send({ payment_id: p.id, reason: 'fraudulent' })
          .then((r) => (r.status === 201 ? 'refunded' : Promise.reject(Object.assign(new Error(r.body.message), { status: r.status })))),
        dispute(p.id, p.amount).then(() => 'disputed'),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled'), `round ${round}`).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason.status, String(o.reason.message)).toBe(409);
    }
    await expectMoneyInvariants(t.db);
  });
});
