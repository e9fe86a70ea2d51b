// refund.succeeded / refund.failed finish a refund (docs/processor.md, "Lifecycles";
// docs/money.md says when each movement hits the ledger):
//   pending → succeeded: nothing more moves (the refund was debited when it was made);
//   pending → failed: the money comes back (failRefund) — the payment's and intent's
//   amount_refunded go down and the ledger gets a +amount entry — so it is refundable again.
// A refund already succeeded or failed is final: a second outcome is stale. A refund the back
// office never made (refunded at the processor) is recorded as it comes when it succeeded,
// through the same refundable-amount rule as the back office's own refunds; when it failed, no
// money moved anywhere and there is nothing to record.
import { REFUND_REASONS, type RefundReason } from '../../../../shared/enums.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { transition } from '../../../db/transition.ts';
import { formatMoney } from '../../../../shared/currencies.ts';
import { recordRefund } from '../../../ledger/movements.ts';
import { failRefund } from '../../../resources/refunds/service.ts';
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
    if (outcome === 'failed') {
      // Its money back (resources/refunds/service.ts, the same path as a refusal by the processor).
      if (!(await failRefund(trx, r.id, `The processor reported it failed (event ${event.id})`, input.actor))) throw new Contended();
      return;
    }
    // Succeeded: it was debited when made (docs/money.md), so nothing more moves.
    if (!(await transition(trx, 'refunds', r.id, ['pending'], { status: 'succeeded' }))) throw new Contended();
    await writeAudit(trx, {
      actorId: input.actor.id, action: 'refund.succeeded', entity: 'refunds', entityId: r.id, at: input.actor.at,
      detail: { event_id: event.id, payment_id: existing.payment_id, amount: Number(existing.amount), currency: existing.currency },
    });
    return;
  }
  // A failed refund the back office never made moved no money on either side: nothing to record.
  if (outcome === 'failed') return;
  return adopt(input, r);
};

/** A refund made at the processor, recorded as it comes. */
async function adopt(input: ApplyInput, r: Refund) {
  const { trx, actor, event } = input;
  const found = await capturedPayment(trx, r.payment_id);
  if (found.waitingFor !== undefined) return { waitingFor: found.waitingFor };
  const payment = found.payment;
  if (r.currency !== payment.currency) {
    throw new EventRejected(`Refund ${r.id} is in ${r.currency} but its payment ${payment.id} is in ${payment.currency}`);
  }
  if (!(await claimFromPayment(trx, payment.id, 'amount_refunded', r.amount, actor.at))) {
    const money = (n: number) => formatMoney(n, payment.currency, 'en-US');
    throw new EventRejected(`Refund ${r.id} of ${money(r.amount)} exceeds what remains refundable on payment ${payment.id} (${money(Math.max(0, unclaimed(payment)))})`);
  }
  const refund = {
    id: r.id, payment_id: payment.id, intent_id: payment.intent_id, merchant_id: payment.merchant_id, amount: r.amount,
    currency: payment.currency, reason: (REFUND_REASONS as readonly string[]).includes(r.reason) ? r.reason as RefundReason : 'other',
    status: 'succeeded' as const, note: null, created_by: null, created_at: r.created_at,
  };
  const inserted = await trx('refunds').insert(refund).onConflict('id').ignore().returning('id');
  if (!inserted.length) throw new Contended();
  await trx('intents').where('id', payment.intent_id)
    .update({ amount_refunded: trx.raw('amount_refunded + ?', [r.amount]), updated_at: actor.at });
  await recordRefund(trx, refund, actor.at);
  await writeAudit(trx, {
    actorId: actor.id, action: 'refund.succeeded', entity: 'refunds', entityId: r.id, at: actor.at,
    detail: { event_id: event.id, payment_id: payment.id, amount: r.amount, currency: payment.currency, made_by_processor: true },
  });
}
