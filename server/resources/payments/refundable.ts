// What is left of a captured payment to refund or to dispute, written once for both: the amount
// less what was refunded (succeeded or still pending) and less what disputes that are not won
// have taken. Refunding a disputed amount would pay the cardholder twice — once through the card
// network, once by the refund — and debit the merchant twice (docs/money.md, "Refunds and
// disputes"). Invariant: amount_refunded + amount_charged_back <= amount.
import type { Knex } from 'knex';

export interface PaymentTotals {
  amount: unknown;
  amount_refunded: unknown;
  amount_charged_back: unknown;
}

/** What neither a refund nor a dispute that is not won has taken yet. */
export function unclaimed(payment: PaymentTotals): number {
  return Number(payment.amount) - Number(payment.amount_refunded) - Number(payment.amount_charged_back);
}

/**
 * Adds `amount` to the payment's `amount_refunded` or `amount_charged_back`, only while the payment
 * is captured and the rule still holds after it — one conditional UPDATE, so of two requests
 * racing for the last of a payment exactly one matches (PostgreSQL makes the second wait on the
 * row and re-check the condition against the committed row; SQLite runs one transaction at a time).
 * False when it did not match.
 */
export async function claimFromPayment(
  trx: Knex.Transaction, paymentId: string, column: 'amount_refunded' | 'amount_charged_back', amount: number, at: string,
): Promise<boolean> {
  const moved = await trx('payments')
    .where({ id: paymentId, status: 'captured' })
    .whereRaw('amount_refunded + amount_charged_back + ? <= amount', [amount])
    .update({ [column]: trx.raw('?? + ?', [column, amount]), updated_at: at });
  return moved === 1;
}
