// dispute.opened records the card network's dispute with the processor's id, amount and due date
// (the payment's amount_charged_back takes it, the merchant is debited); dispute.won / .lost
// close an open one (won: credited back, and refundable again). docs/money.md, "Disputes".
// A closed dispute stays closed: a second outcome, or an outcome after the merchant accepted, is stale.
import { DISPUTE_REASONS } from '../../../../shared/enums.ts';
import { HttpError } from '../../../errors.ts';
import { recordOpenedDispute, resolveDispute } from '../../../resources/disputes/outcomes.ts';
import { capturedPayment } from './payable.ts';
import { dataOf, DisputeData } from './data.ts';
import { EventRejected, type Applier } from './types.ts';

const OPEN = ['needs_response', 'under_review'];

export const applyDisputeOpened: Applier = async ({ trx, event, actor }) => {
  const d = dataOf(DisputeData, event.data);
  if (await trx('disputes').where('id', d.id).first('id')) return; // stale
  const found = await capturedPayment(trx, d.payment_id);
  if (found.waitingFor !== undefined) return { waitingFor: found.waitingFor };
  if (d.currency !== found.payment.currency) {
    throw new EventRejected(`Dispute ${d.id} is in ${d.currency} but its payment ${d.payment_id} is in ${found.payment.currency}`);
  }
  try {
    await recordOpenedDispute(trx, found.payment, {
      id: d.id, amount: d.amount, reason_code: d.reason_code, reason: d.reason ?? DISPUTE_REASONS[d.reason_code] ?? 'Dispute',
      dispute_date: d.dispute_date, response_due_date: d.response_due_date, created_at: d.created_at,
    }, actor, { event_id: event.id });
  } catch (err) {
    // Refused by the refundable-amount rule: a visible error for a person, not a clamp.
    if (err instanceof HttpError) throw new EventRejected(err.message);
    throw err;
  }
};

export const applyDisputeOutcome: Applier = async ({ trx, event, actor }) => {
  const d = dataOf(DisputeData, event.data);
  const existing = await trx('disputes').where('id', d.id).first('id', 'status');
  if (!existing) return { waitingFor: d.id };
  if (!OPEN.includes(existing.status)) return; // stale: closed already
  await resolveDispute(trx, d.id, event.type === 'dispute.won' ? 'won' : 'lost', actor);
};
