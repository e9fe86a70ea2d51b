// refund.succeeded / refund.failed finish a refund (docs/processor.md, "Lifecycles";
// docs/money.md says when each movement hits the ledger):
//   pending → succeeded: nothing more moves (the refund was debited when it was made);
//   pending → failed: the money comes back — the payment's and intent's amount_refunded go down
//   and the ledger gets a +amount entry — so it is refundable again.
// A refund already succeeded or failed is final: a second outcome is stale. A refund the back
// office never made (refunded at the processor) is recorded as it comes: a succeeded one through
// the same refundable-amount rule as the back office's own refunds, a failed one with no money.
import { REFUND_REASONS, type RefundReason } from '../../../../shared/enums.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { transition } from '../../../db/transition.ts';
import { formatMoney } from '../../../../shared/currencies.ts';
import { sourceTotal } from '../../../ledger/ledger.ts';
import { creditRefundFailed, recordRefund } from '../../../ledger/movements.ts';
import { claimFromPayment, unclaimed } from '../../../resources/payments/refundable.ts';
import { capturedPayment } from './payable.ts';
import { dataOf, RefundData } from './data.ts';
import { Contended, EventRejected, type Applier, type ApplyInput } from './types.ts';

type Refund = ReturnType<typeof RefundData.parse>;

export const applyRefund: Applier = async (input) => {
  const { trx, event } = input;
  const outcome = event.type === 'refund.succeeded' ? 'succeeded' : 'failed';
  const r = dataOf(RefundData, event.data);
  const existing = await trx('refunds').where('id', r.id).first();
  if (existing) {
    if (existing.status !== 'pending') return; // stale: a refund's outcome is final
    if (!(await transition(trx, 'refunds', r.id, ['pending'], { status: outcome }))) throw new Contended();
    // A pending refund holds its money from the moment it is made (docs/money.md): the ledger
    // says whether this one did (a refund left pending by an older version may not have).
    const held = (await sourceTotal(trx, 'refund', r.id)) < 0;
    if (outcome === 'failed' && held) await giveBack(input, existing);
    if (outcome === 'succeeded' && !held) await take(input, existing);
    await writeAudit(trx, {
      actorId: input.actor.id, action: `refund.${outcome}`, entity: 'refunds', entityId: r.id, at: input.actor.at,
      detail: { event_id: event.id, payment_id: existing.payment_id, amount: Number(existing.amount), currency: existing.currency, credited: outcome === 'failed' },
    });
    return;
  }
  return adopt(input, r, outcome);
};

/** A failed refund's money back: the payment's claim released, and the ledger credited. */
async function giveBack({ trx, actor }: ApplyInput, refund: { id: string; payment_id: string; intent_id: string; merchant_id: string; amount: unknown; currency: string }) {
  const amount = Number(refund.amount);
  await trx('payments').where('id', refund.payment_id)
    .update({ amount_refunded: trx.raw('amount_refunded - ?', [amount]), updated_at: actor.at });
  await trx('intents').where('id', refund.intent_id)
    .update({ amount_refunded: trx.raw('amount_refunded - ?', [amount]), updated_at: actor.at });
  await creditRefundFailed(trx, { id: refund.id, merchant_id: refund.merchant_id, currency: refund.currency, amount }, actor.at);
}

/** A pending refund that held nothing takes its money as it succeeds, under the refundable-amount rule. */
async function take({ trx, actor }: ApplyInput, refund: { id: string; payment_id: string; intent_id: string; merchant_id: string; amount: unknown; currency: string }) {
  const amount = Number(refund.amount);
  if (!(await claimFromPayment(trx, refund.payment_id, 'amount_refunded', amount, actor.at))) {
    throw new EventRejected(`Refund ${refund.id} succeeded at the processor, but its payment ${refund.payment_id} has less than ${amount} left to refund here`);
  }
  await trx('intents').where('id', refund.intent_id)
    .update({ amount_refunded: trx.raw('amount_refunded + ?', [amount]), updated_at: actor.at });
  await recordRefund(trx, { id: refund.id, merchant_id: refund.merchant_id, currency: refund.currency, amount }, actor.at);
}

/** A refund made at the processor, recorded as it comes. */
async function adopt(input: ApplyInput, r: Refund, outcome: 'succeeded' | 'failed') {
  const { trx, actor, event } = input;
  const found = await capturedPayment(trx, r.payment_id);
  if (found.waitingFor !== undefined) return { waitingFor: found.waitingFor };
  const payment = found.payment;
  if (r.currency !== payment.currency) {
    throw new EventRejected(`Refund ${r.id} is in ${r.currency} but its payment ${payment.id} is in ${payment.currency}`);
  }
  if (outcome === 'succeeded' && !(await claimFromPayment(trx, payment.id, 'amount_refunded', r.amount, actor.at))) {
    const money = (n: number) => formatMoney(n, payment.currency, 'en-US');
    throw new EventRejected(`Refund ${r.id} of ${money(r.amount)} exceeds what remains refundable on payment ${payment.id} (${money(Math.max(0, unclaimed(payment)))})`);
  }
  const refund = {
    id: r.id, payment_id: payment.id, intent_id: payment.intent_id, merchant_id: payment.merchant_id, amount: r.amount,
    currency: payment.currency, reason: (REFUND_REASONS as readonly string[]).includes(r.reason) ? r.reason as RefundReason : 'other',
    status: outcome, note: null, created_by: null, created_at: r.created_at,
  };
  const inserted = await trx('refunds').insert(refund).onConflict('id').ignore().returning('id');
  if (!inserted.length) throw new Contended();
  if (outcome === 'succeeded') {
    await trx('intents').where('id', payment.intent_id)
      .update({ amount_refunded: trx.raw('amount_refunded + ?', [r.amount]), updated_at: actor.at });
    await recordRefund(trx, refund, actor.at);
  }
  await writeAudit(trx, {
    actorId: actor.id, action: `refund.${outcome}`, entity: 'refunds', entityId: r.id, at: actor.at,
    detail: { event_id: event.id, payment_id: payment.id, amount: r.amount, currency: payment.currency, made_by_processor: true },
  });
}
