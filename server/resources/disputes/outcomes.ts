// The dispute ledger rule (docs/money.md, "Disputes"): opening a dispute debits its amount from the merchant;
// `won` credits it back; `lost` and `accepted` leave it debited. Disputes open and close on the
// card network's word, not a user's, so opening has no route (the seed and tests use it) and
// recording the outcome is an admin-only action.
import type { Knex } from 'knex';
import { z } from 'zod';
import { formatMoney } from '../../../shared/currencies.ts';
import { addDays } from '../../../shared/days.ts';
import { DISPUTE_REASONS } from '../../../shared/enums.ts';
import { newId } from '../../../shared/ids.ts';
import { writeAudit } from '../../audit/audit.ts';
import { transition } from '../../db/transition.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { creditDisputeWon, debitDisputeOpened } from '../../ledger/movements.ts';
import { dayOf, type Actor } from '../actor.ts';
import { claimFromPayment, unclaimed } from '../payments/refundable.ts';
import { changedMeanwhile, loadDispute } from './load.ts';

/** How long a merchant has to respond. */
export const RESPONSE_DAYS = 21;

export const DisputeResolve = z.object({ outcome: z.enum(['won', 'lost']) });
export type DisputeOutcome = z.infer<typeof DisputeResolve>['outcome'];

const OPEN = ['needs_response', 'under_review'];

/**
 * Opens a dispute on a captured payment and debits it. Without an amount it disputes what remains
 * (neither refunded nor already disputed). An amount beyond that is refused, not clamped: the
 * cardholder would be paid twice (docs/money.md, "Refunds and disputes"), and a dispute recorded
 * for less than the network's figure would silently disagree with the processor.
 */
export async function openDispute(
  trx: Knex.Transaction,
  input: { payment_id: string; reason_code?: string; amount?: number },
  actor: Omit<Actor, 'id'> & { id: string | null },
): Promise<string> {
  const payment = await trx('payments').where('id', input.payment_id).first();
  if (!payment) throw notFound(`No payment with id "${input.payment_id}"`);
  if (payment.status !== 'captured') throw conflict(`Only captured payments can be disputed; this payment is ${payment.status}`);
  const money = (n: number) => formatMoney(n, payment.currency, 'en-US');
  const open = unclaimed(payment);
  if (open <= 0) throw conflict('Nothing left on this payment to dispute: it is refunded or disputed in full');
  const amount = input.amount ?? open;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw badRequest('A dispute amount must be a positive whole number of minor units');
  if (amount > open) {
    throw conflict(`A dispute of ${money(amount)} exceeds what is neither refunded nor disputed on this payment (${money(open)})`);
  }
  const reasonCode = input.reason_code ?? '13.1';
  const day = dayOf(actor);
  return recordOpenedDispute(trx, payment, {
    id: newId('dispute', Date.parse(actor.at)), amount, reason_code: reasonCode, reason: DISPUTE_REASONS[reasonCode] ?? 'Dispute',
    dispute_date: day, response_due_date: addDays(day, RESPONSE_DAYS), created_at: actor.at,
  }, actor);
}

/**
 * Writes an opened dispute of a captured payment: takes its amount into the payment's
 * amount_charged_back (refused, with a 409, when that would break the refundable-amount rule),
 * debits it, and audits it. Shared by openDispute and the processor's dispute.opened event.
 */
export async function recordOpenedDispute(
  trx: Knex.Transaction,
  payment: { id: string; intent_id: string; merchant_id: string; currency: string },
  d: { id: string; amount: number; reason_code: string; reason: string; dispute_date: string; response_due_date: string; created_at: string },
  actor: Omit<Actor, 'id'> & { id: string | null },
  detail: Record<string, unknown> = {},
): Promise<string> {
  const money = (n: number) => formatMoney(n, payment.currency, 'en-US');
  // The same condition as a refund's, on the same row: of a refund and a dispute racing for the
  // last of a payment, exactly one gets it.
  if (!(await claimFromPayment(trx, payment.id, 'amount_charged_back', d.amount, actor.at))) {
    // The payment was read in this transaction and payments are never deleted: the row is there.
    const now = (await trx('payments').where('id', payment.id).first('amount', 'amount_refunded', 'amount_charged_back'))!;
    throw conflict(`A dispute of ${money(d.amount)} exceeds what is neither refunded nor disputed on this payment (${money(Math.max(0, unclaimed(now)))})`);
  }
  const dispute = {
    ...d, payment_id: payment.id, merchant_id: payment.merchant_id, currency: payment.currency, status: 'needs_response' as const,
    updated_at: actor.at,
  };
  await trx('disputes').insert(dispute);
  await trx('intents').where('id', payment.intent_id)
    .update({ amount_disputed: trx.raw('amount_disputed + ?', [d.amount]), updated_at: actor.at });
  await debitDisputeOpened(trx, dispute, actor.at);
  await writeAudit(trx, {
    actorId: actor.id, action: 'dispute.opened', entity: 'disputes', entityId: dispute.id,
    detail: { payment_id: payment.id, amount: d.amount, currency: payment.currency, ...detail }, ip: actor.ip, at: actor.at,
  });
  return dispute.id;
}

/** Records the network's decision on an open dispute; a win gives the amount back. */
export async function resolveDispute(trx: Knex.Transaction, id: string, outcome: DisputeOutcome, actor: Actor): Promise<void> {
  const dispute = await loadDispute(trx, id);
  if (!OPEN.includes(dispute.status)) {
    throw conflict(`This dispute is already closed (${dispute.status}); its outcome cannot change`);
  }
  if (!(await transition(trx, 'disputes', id, OPEN, { status: outcome, closed_date: dayOf(actor), updated_at: actor.at }))) {
    throw await changedMeanwhile(trx, id);
  }
  if (outcome === 'won') {
    // Won: the money comes back to the merchant, and the amount may be refunded again.
    await trx('payments').where('id', dispute.payment_id)
      .update({ amount_charged_back: trx.raw('amount_charged_back - ?', [dispute.amount]), updated_at: actor.at });
    await creditDisputeWon(trx, dispute, actor.at);
  }
  await writeAudit(trx, {
    actorId: actor.id, action: `dispute.${outcome}`, entity: 'disputes', entityId: id,
    detail: { from: dispute.status, to: outcome, amount: dispute.amount, currency: dispute.currency, credited: outcome === 'won' },
    ip: actor.ip, at: actor.at,
  });
}
