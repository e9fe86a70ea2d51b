// The dispute ledger rule (docs/money.md, "Disputes"): opening a dispute debits its amount from the merchant;
// `won` credits it back; `lost` and `accepted` leave it debited. Disputes open and close on the
// card network's word, not a user's, so opening has no route (the seed and tests use it) and
// recording the outcome is an admin-only action.
import type { Knex } from 'knex';
import { z } from 'zod';
import { addDays } from '../../../shared/days.ts';
import { DISPUTE_REASONS } from '../../../shared/enums.ts';
import { newId } from '../../../shared/ids.ts';
import { writeAudit } from '../../audit/audit.ts';
import { transition } from '../../db/transition.ts';
import { conflict, notFound } from '../../errors.ts';
import { creditDisputeWon, debitDisputeOpened } from '../../ledger/movements.ts';
import { dayOf, type Actor } from '../actor.ts';
import { changedMeanwhile, loadDispute } from './load.ts';

/** How long a merchant has to respond. */
export const RESPONSE_DAYS = 21;

export const DisputeResolve = z.object({ outcome: z.enum(['won', 'lost']) });
export type DisputeOutcome = z.infer<typeof DisputeResolve>['outcome'];

const OPEN = ['needs_response', 'under_review'];

/** Opens a dispute on a captured payment for what is not refunded yet, and debits it. */
export async function openDispute(
  trx: Knex.Transaction,
  input: { payment_id: string; reason_code?: string; amount?: number },
  actor: Omit<Actor, 'id'> & { id: string | null },
): Promise<string> {
  const payment = await trx('payments').where('id', input.payment_id).first();
  if (!payment) throw notFound(`No payment with id "${input.payment_id}"`);
  if (payment.status !== 'captured') throw conflict(`Only captured payments can be disputed; this payment is ${payment.status}`);
  const amount = input.amount ?? Number(payment.amount) - Number(payment.amount_refunded);
  if (amount <= 0) throw conflict('Nothing left on this payment to dispute');
  const reasonCode = input.reason_code ?? '13.1';
  const day = dayOf(actor);
  const due = addDays(day, RESPONSE_DAYS);
  const dispute = {
    id: newId('dispute', Date.parse(actor.at)), payment_id: payment.id, merchant_id: payment.merchant_id, amount,
    currency: payment.currency, status: 'needs_response', reason_code: reasonCode, reason: DISPUTE_REASONS[reasonCode] ?? 'Dispute',
    dispute_date: day, response_due_date: due, created_at: actor.at, updated_at: actor.at,
  };
  await trx('disputes').insert(dispute);
  await trx('intents').where('id', payment.intent_id)
    .update({ amount_disputed: trx.raw('amount_disputed + ?', [amount]), updated_at: actor.at });
  await debitDisputeOpened(trx, dispute, actor.at);
  await writeAudit(trx, {
    actorId: actor.id, action: 'dispute.opened', entity: 'disputes', entityId: dispute.id,
    detail: { payment_id: payment.id, amount, currency: payment.currency }, ip: actor.ip, at: actor.at,
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
  if (outcome === 'won') await creditDisputeWon(trx, dispute, actor.at);
  await writeAudit(trx, {
    actorId: actor.id, action: `dispute.${outcome}`, entity: 'disputes', entityId: id,
    detail: { from: dispute.status, to: outcome, amount: dispute.amount, currency: dispute.currency, credited: outcome === 'won' },
    ip: actor.ip, at: actor.at,
  });
}
