// Test data for the money workflows, made through the same services and ledger as the API, so
// fixtures never break the money invariants (docs/money.md) they are used to test.
import type { Knex } from 'knex';
import type { DisputeStatus, PayoutStatus } from '../../shared/enums.ts';
import { addDays, utcDay } from '../../shared/days.ts';
import { newId } from '../../shared/ids.ts';
import { isoNow } from '../context.ts';
import { post } from '../ledger/ledger.ts';
import { creditPayoutFailed, debitPayout } from '../ledger/movements.ts';
import type { Actor } from '../resources/actor.ts';
import { openDispute, resolveDispute } from '../resources/disputes/outcomes.ts';
import { acceptDispute } from '../resources/disputes/service.ts';
import type { TestApp } from './harness.ts';

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake')]);

export async function userId(db: Knex, email: string): Promise<string> {
  return (await db('users').where('email', email).first('id'))!.id;
}

const systemActor = (t: TestApp): Actor => ({ id: t.users.admin.id, ip: null, at: isoNow(t.ctx) });

/** A fresh merchant with `amount` available in `currency` (an adjustment through the ledger). */
export async function fundedMerchant(t: TestApp, amount: number, currency = 'USD'): Promise<string> {
  const at = isoNow(t.ctx);
  const plan = await t.db('plans').first('id');
  const id = newId('merchant');
  await t.db.transaction(async (trx) => {
    await trx('merchants').insert({
      id, name: `Fixture ${id.slice(-6)}`, email: 'fixture@example.test', country: 'US', default_currency: currency,
      status: 'active', plan_id: plan!.id, created_at: at, updated_at: at,
    });
    await post(trx, [{ merchant_id: id, currency, amount, source_type: 'adjustment', source_id: id, settlement_status: 'settled', created_at: at }]);
  });
  return id;
}

let payoutNumber = 900_000;

/** A payout in any state, with the ledger as that state implies (debited once if it left, credited back if it failed). */
export async function makePayout(
  t: TestApp,
  opts: { status?: PayoutStatus; amount?: number; approvals?: string[]; merchantId?: string; currency?: string } = {},
): Promise<string> {
  const amount = opts.amount ?? 5_000;
  const currency = opts.currency ?? 'USD';
  const merchantId = opts.merchantId ?? (await fundedMerchant(t, amount * 3, currency));
  const at = isoNow(t.ctx);
  const status = opts.status ?? 'pending';
  const row = {
    id: newId('payout'), merchant_id: merchantId, payout_number: ++payoutNumber, amount, fee_amount: 25,
    net_amount: amount - 25, currency, status, transaction_count: 3,
    approvals: JSON.stringify((opts.approvals ?? []).map((user_id) => ({ user_id, at }))),
    decided_by: null, decided_at: null, decline_reason: null, created_at: at, updated_at: at,
  };
  await t.db.transaction(async (trx) => {
    await trx('payouts').insert(row);
    if (['approved', 'processing', 'paid', 'failed'].includes(status)) await debitPayout(trx, row, at);
    if (status === 'failed') await creditPayoutFailed(trx, row, at);
  });
  return row.id;
}

const takenByDb = new WeakMap<Knex, Set<string>>();
const taken = (db: Knex) => takenByDb.get(db) ?? takenByDb.set(db, new Set()).get(db)!;

/** A captured payment nobody has refunded or disputed yet (each call gives another one). */
export async function freshPayment(db: Knex, opts: { minAmount?: number } = {}) {
  const row = await db('payments as p')
    .where('p.status', 'captured').andWhere('p.amount_refunded', 0).andWhere('p.amount', '>=', opts.minAmount ?? 100)
    .whereNotExists(db('disputes as d').whereRaw('d.payment_id = p.id'))
    .whereNotExists(db('refunds as r').whereRaw('r.payment_id = p.id'))
    .whereNotIn('p.id', [...taken(db)])
    .orderBy('p.id').first('p.id', 'p.amount', 'p.merchant_id', 'p.currency', 'p.intent_id');
  if (!row) throw new Error('no fresh captured payment left in the fixture data');
  taken(db).add(row.id);
  return { ...row, amount: Number(row.amount) };
}

/** A dispute in any state; by default with a response and one PNG, due in a week. */
export async function makeDispute(
  t: TestApp,
  opts: { status?: DisputeStatus; response?: string | null; attachment?: boolean; dueDate?: string } = {},
): Promise<string> {
  const payment = await freshPayment(t.db);
  const actor = systemActor(t);
  return t.db.transaction(async (trx) => {
    const id = await openDispute(trx, { payment_id: payment.id }, actor);
    const due = opts.dueDate ?? addDays(utcDay(t.ctx.now()), 7);
    await trx('disputes').where('id', id).update({ response_due_date: due, response_text: opts.response === undefined ? 'We delivered; tracking attached.' : opts.response });
    if (opts.attachment ?? true) {
      await trx('dispute_attachments').insert({
        id: newId('attachment'), dispute_id: id, filename: 'receipt.png', content_type: 'image/png', size: PNG.length,
        sha256: 'fixture', uploaded_by: actor.id, content: PNG, created_at: actor.at,
      });
    }
    const status = opts.status ?? 'needs_response';
    if (status === 'under_review') await trx('disputes').where('id', id).update({ status, submitted_at: actor.at });
    else if (status === 'won' || status === 'lost') await resolveDispute(trx, id, status, actor);
    else if (status === 'accepted') await acceptDispute(trx, id, actor);
    return id;
  });
}
