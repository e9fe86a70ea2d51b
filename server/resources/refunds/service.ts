// Refunds (docs/money.md, "Refunds"): captured payments only, partial or full, never more than what remains
// — also when many requests race, because the payment's amount_refunded moves by a conditional
// UPDATE that only matches while the new total stays within the amount.
import type { Knex } from 'knex';
import { z } from 'zod';
import { formatMoney } from '../../../shared/currencies.ts';
import { REFUND_REASONS } from '../../../shared/enums.ts';
import { newId } from '../../../shared/ids.ts';
import { writeAudit } from '../../audit/audit.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordRefund } from '../../ledger/movements.ts';
import type { Actor } from '../actor.ts';

export const RefundCreate = z.object({
  payment_id: z.string().trim().min(1).max(40),
  // Minor units: a fraction or a string is a 400, not a rounding.
  amount: z.number().int('amount must be a whole number of minor units').positive('amount must be greater than 0').optional(),
  reason: z.enum(REFUND_REASONS),
  note: z.string().trim().max(1000).nullish(),
});
export type RefundInput = z.infer<typeof RefundCreate>;

/** Creates a succeeded refund and moves the money; returns the refund id. */
export async function createRefund(trx: Knex.Transaction, input: RefundInput, actor: Actor): Promise<string> {
  const payment = await trx('payments').where('id', input.payment_id)
    .first('id', 'intent_id', 'merchant_id', 'amount', 'currency', 'status', 'amount_refunded');
  if (!payment) throw notFound(`No payment with id "${input.payment_id}"`);
  if (payment.status !== 'captured') {
    throw conflict(`Only captured payments can be refunded; this payment is ${payment.status}`);
  }
  const captured = Number(payment.amount);
  const remaining = captured - Number(payment.amount_refunded);
  const money = (n: number) => formatMoney(n, payment.currency, 'en-US');
  if (remaining <= 0) throw conflict('This payment is already fully refunded');
  const amount = input.amount ?? remaining;
  if (amount > remaining) {
    throw conflict(`The refund of ${money(amount)} exceeds what remains refundable on this payment (${money(remaining)})`);
  }

  const moved = await trx('payments')
    .where({ id: payment.id, status: 'captured' })
    .whereRaw('amount_refunded + ? <= amount', [amount])
    .update({ amount_refunded: trx.raw('amount_refunded + ?', [amount]), updated_at: actor.at });
  if (moved !== 1) {
    // Another refund committed since we read the payment.
    const now = await trx('payments').where('id', payment.id).first('amount', 'amount_refunded');
    const left = Number(now.amount) - Number(now.amount_refunded);
    throw conflict(`Another refund changed this payment meanwhile; ${money(left)} remains refundable`);
  }
  await trx('intents').where('id', payment.intent_id)
    .update({ amount_refunded: trx.raw('amount_refunded + ?', [amount]), updated_at: actor.at });

  const refund = {
    id: newId('refund', Date.parse(actor.at)), payment_id: payment.id, intent_id: payment.intent_id,
    merchant_id: payment.merchant_id, amount, currency: payment.currency, reason: input.reason,
    status: 'succeeded', note: input.note || null, created_by: actor.id, created_at: actor.at,
  };
  await trx('refunds').insert(refund);
  await recordRefund(trx, refund, actor.at);
  await writeAudit(trx, {
    actorId: actor.id, action: 'refund.created', entity: 'refunds', entityId: refund.id,
    detail: { payment_id: payment.id, amount, currency: payment.currency, reason: input.reason, full: amount === remaining },
    ip: actor.ip, at: actor.at,
  });
  return refund.id;
}
