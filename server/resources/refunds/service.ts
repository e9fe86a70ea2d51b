// Refunds (docs/money.md, "Refunds"): captured payments only, partial or full, never more than what
// remains — neither refunded already (succeeded or pending) nor taken by a dispute that is not won —
// also when many requests (and dispute openings) race, because the payment's amount_refunded moves
// by a conditional UPDATE that only matches while the new total stays within the amount. A refund
// is `pending` until the processor confirms it; the request to the processor is an outbox item
// written in the same transaction (docs/processor.md). A failed one gives everything back.
import type { Knex } from 'knex';
import { z } from 'zod';
import { formatMoney } from '../../../shared/currencies.ts';
import { REFUND_REASONS } from '../../../shared/enums.ts';
import { newId } from '../../../shared/ids.ts';
import { writeAudit } from '../../audit/audit.ts';
import { transition } from '../../db/transition.ts';
import { conflict, notFound } from '../../errors.ts';
import { creditRefundFailed, recordRefund } from '../../ledger/movements.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import type { Actor } from '../actor.ts';
import { claimFromPayment, unclaimed, type PaymentTotals } from '../payments/refundable.ts';

export const RefundCreate = z.object({
  payment_id: z.string().trim().min(1).max(40),
  // Minor units: a fraction or a string is a 400, not a rounding.
  amount: z.number().int('amount must be a whole number of minor units').positive('amount must be greater than 0').optional(),
  reason: z.enum(REFUND_REASONS),
  note: z.string().trim().max(1000).nullish(),
});
export type RefundInput = z.infer<typeof RefundCreate>;

/** Creates a pending refund, moves the money and asks the processor (outbox); returns the refund id. */
export async function createRefund(trx: Knex.Transaction, input: RefundInput, actor: Actor): Promise<string> {
  const payment = await trx('payments').where('id', input.payment_id)
    .first('id', 'intent_id', 'merchant_id', 'amount', 'currency', 'status', 'amount_refunded', 'amount_charged_back');
  if (!payment) throw notFound(`No payment with id "${input.payment_id}"`);
  if (payment.status !== 'captured') {
    throw conflict(`Only captured payments can be refunded; this payment is ${payment.status}`);
  }
  const money = (n: number) => formatMoney(n, payment.currency, 'en-US');
  const remaining = unclaimed(payment);
  if (remaining <= 0) throw nothingLeft(payment, money);
  const amount = input.amount ?? remaining;
  if (amount > remaining) {
    throw conflict(`The refund of ${money(amount)} exceeds what remains refundable on this payment (${money(remaining)})${becauseDisputed(payment, money)}`);
  }

  // The rule and the move in one statement; a dispute opening claims from the same row with the
  // same condition, so whichever commits second re-checks against the first.
  const moved = await claimFromPayment(trx, payment.id, 'amount_refunded', amount, actor.at);
  if (!moved) {
    // A refund or a dispute committed since we read the payment.
    // The payment was read in this transaction and payments are never deleted: the row is there.
    const now = (await trx('payments').where('id', payment.id).first('status', 'amount', 'amount_refunded', 'amount_charged_back'))!;
    if (now.status !== 'captured') throw conflict(`This payment changed meanwhile and is now ${now.status}; it can no longer be refunded`);
    throw conflict(`Another refund or a dispute changed this payment meanwhile; ${money(Math.max(0, unclaimed(now)))} remains refundable${becauseDisputed(now, money)}`);
  }
  await trx('intents').where('id', payment.intent_id)
    .update({ amount_refunded: trx.raw('amount_refunded + ?', [amount]), updated_at: actor.at });

  const refund = {
    id: newId('refund', Date.parse(actor.at)), payment_id: payment.id, intent_id: payment.intent_id,
    merchant_id: payment.merchant_id, amount, currency: payment.currency, reason: input.reason,
    status: 'pending' as const, note: input.note || null, created_by: actor.id, created_at: actor.at,
  };
  await trx('refunds').insert(refund);
  await recordRefund(trx, refund, actor.at);
  await writeAudit(trx, {
    actorId: actor.id, action: 'refund.created', entity: 'refunds', entityId: refund.id,
    detail: { payment_id: payment.id, amount, currency: payment.currency, reason: input.reason, full: amount === remaining },
    ip: actor.ip, at: actor.at,
  });
  await enqueue(trx, {
    kind: 'refund.create', objectId: refund.id, requestId: actor.requestId, at: actor.at,
    payload: { refundId: refund.id, chargeId: payment.id, amount, currency: payment.currency, reason: input.reason },
  });
  return refund.id;
}

/**
 * A pending refund the processor did not carry out — it reported `refund.failed`, or refused the
 * request outright — fails, and everything it took comes back in the same transaction: the
 * payment's and the intent's amount_refunded, and the money through the ledger (docs/money.md).
 * False when the refund was no longer pending (already succeeded or failed): nothing happens.
 */
export async function failRefund(
  trx: Knex.Transaction, id: string, reason: string, actor: { id: string | null; ip?: string | null; at: string },
): Promise<boolean> {
  const refund = await trx('refunds').where('id', id).first('id', 'payment_id', 'intent_id', 'merchant_id', 'amount', 'currency', 'status');
  if (!refund) throw notFound(`No refund with id "${id}"`);
  if (!(await transition(trx, 'refunds', id, ['pending'], { status: 'failed' }))) return false;
  const amount = Number(refund.amount);
  await trx('payments').where('id', refund.payment_id)
    .update({ amount_refunded: trx.raw('amount_refunded - ?', [amount]), updated_at: actor.at });
  await trx('intents').where('id', refund.intent_id)
    .update({ amount_refunded: trx.raw('amount_refunded - ?', [amount]), updated_at: actor.at });
  await creditRefundFailed(trx, { ...refund, amount }, actor.at);
  await writeAudit(trx, {
    actorId: actor.id, action: 'refund.failed', entity: 'refunds', entityId: id,
    detail: { payment_id: refund.payment_id, amount, currency: refund.currency, reason: reason.slice(0, 500), credited: true },
    ip: actor.ip ?? null, at: actor.at,
  });
  return true;
}

type Money = (minor: number) => string;

const DISPUTED_WHY = 'a disputed amount goes back to the cardholder through the dispute, and can be refunded only if the merchant wins it';

function nothingLeft(payment: PaymentTotals, money: Money) {
  const disputed = Number(payment.amount_charged_back);
  if (disputed === 0) return conflict('This payment is already fully refunded');
  const refunded = Number(payment.amount_refunded);
  const taken = refunded > 0 ? `${money(refunded)} is refunded and ${money(disputed)} is disputed` : `${money(disputed)} is disputed`;
  return conflict(`Nothing remains refundable on this payment: ${taken}; ${DISPUTED_WHY}`);
}

/** Why disputes reduce what can be refunded, when they do ("" when they do not). */
function becauseDisputed(payment: PaymentTotals, money: Money): string {
  const disputed = Number(payment.amount_charged_back);
  return disputed === 0 ? '' : `; ${money(disputed)} of the payment is disputed, and ${DISPUTED_WHY}`;
}
