// The money rule of each workflow, written once as ledger entries. Services call these inside
// the transaction that changes the refund, payout or dispute; nothing else writes `transactions`
// or `balances`. Signs are from the merchant's side: credits positive, debits negative.
import type { Knex } from 'knex';
import { balanceId, debitAvailable, post, settleEntries } from './ledger.ts';

interface Movable {
  id: string;
  merchant_id: string;
  currency: string;
  amount: number;
}

/**
 * A refund debits the refunded amount from the available balance at once. The processing fee of
 * the payment is not returned. Refunds are never blocked by the balance: like card processors,
 * the balance may go negative and is recovered from later settlements.
 */
export async function recordRefund(trx: Knex.Transaction, refund: Movable, at: string): Promise<void> {
  await post(trx, [{
    merchant_id: refund.merchant_id, currency: refund.currency, amount: -refund.amount, source_type: 'refund',
    source_id: refund.id, settlement_status: 'settled', description: 'Refund', created_at: at,
  }]);
}

/**
 * A refund the processor did not carry out (it reported it failed, or refused the request) gives
 * the money back: a second entry of +amount, the first is never edited (docs/money.md).
 */
export async function creditRefundFailed(trx: Knex.Transaction, refund: Movable, at: string): Promise<void> {
  await post(trx, [{
    merchant_id: refund.merchant_id, currency: refund.currency, amount: refund.amount, source_type: 'refund',
    source_id: refund.id, settlement_status: 'settled', description: 'Refund failed', created_at: at,
  }]);
}

/**
 * A captured payment credits its amount and debits its processing fee, both pending until the
 * payment settles (or settled at once when the processor reports it captured and settled together).
 */
export async function recordCapture(
  trx: Knex.Transaction, payment: Movable & { fee_amount: number }, settled: boolean, at: string,
): Promise<void> {
  const settlement_status = settled ? 'settled' : 'unsettled';
  const base = { merchant_id: payment.merchant_id, currency: payment.currency, source_id: payment.id, settlement_status, created_at: at } as const;
  await post(trx, [
    { ...base, amount: payment.amount, source_type: 'payment', description: 'Card payment' },
    ...(payment.fee_amount ? [{ ...base, amount: -payment.fee_amount, source_type: 'fee' as const, description: 'Processing fee' }] : []),
  ]);
}

/** A payment's settlement moves its entries (payment and fee) from pending to available. */
export async function settlePayment(trx: Knex.Transaction, paymentId: string, at: string): Promise<void> {
  await settleEntries(trx, paymentId, at);
}

/** A payout leaves the available balance at its final approval; 409 when the balance does not cover it. */
export async function debitPayout(trx: Knex.Transaction, payout: Movable & { payout_number: number }, at: string): Promise<void> {
  await debitAvailable(trx, {
    merchant_id: payout.merchant_id, currency: payout.currency, amount: payout.amount, source_type: 'payout',
    source_id: payout.id, description: `Payout #${payout.payout_number}`, created_at: at,
  });
}

/** A payout that failed (the processor reported it, or refused to pay it) credits its debit back. */
export async function creditPayoutFailed(trx: Knex.Transaction, payout: Movable & { payout_number: number }, at: string): Promise<void> {
  await post(trx, [{
    merchant_id: payout.merchant_id, currency: payout.currency, amount: payout.amount, source_type: 'payout',
    source_id: payout.id, settlement_status: 'settled', description: `Payout #${payout.payout_number} failed`, created_at: at,
  }]);
}

/** When a dispute opens, its amount is debited from the merchant. */
export async function debitDisputeOpened(trx: Knex.Transaction, dispute: Movable, at: string): Promise<void> {
  await post(trx, [{
    merchant_id: dispute.merchant_id, currency: dispute.currency, amount: -dispute.amount, source_type: 'dispute',
    source_id: dispute.id, settlement_status: 'settled', description: 'Dispute opened', created_at: at,
  }]);
}

/** A won dispute gives the debited amount back; lost and accepted ones leave it debited. */
export async function creditDisputeWon(trx: Knex.Transaction, dispute: Movable, at: string): Promise<void> {
  await post(trx, [{
    merchant_id: dispute.merchant_id, currency: dispute.currency, amount: dispute.amount, source_type: 'dispute',
    source_id: dispute.id, settlement_status: 'settled', description: 'Dispute won', created_at: at,
  }]);
}

/** The merchant's available balance in a currency (0 when it has none). */
export async function availableBalance(trx: Knex | Knex.Transaction, merchantId: string, currency: string): Promise<number> {
  const row = await trx('balances').where('id', balanceId(merchantId, currency)).first('available');
  return Number(row?.available ?? 0);
}
