// payout.created brings a payout for admins to approve (pending). payout.paid / payout.failed
// finish one the back office approved (docs/processor.md, "Lifecycles"): it was debited at its
// final approval, so `paid` moves nothing more and `failed` credits the debit back. A payout
// already paid or failed is final (a second outcome is stale); an outcome for one that was never
// approved here is refused for an admin to look at — the back office never asked for it.
import { writeAudit } from '../../../audit/audit.ts';
import { transition } from '../../../db/transition.ts';
import { failPayout } from '../../../resources/payouts/service.ts';
import { dataOf, PayoutData } from './data.ts';
import { Contended, EventRejected, type Applier } from './types.ts';

/** What the back office's final approval leaves a payout in, waiting for the processor. */
const IN_FLIGHT = ['approved', 'processing'];
const FINAL = ['paid', 'failed'];

export const applyPayoutCreated: Applier = async ({ trx, event, actor }) => {
  const p = dataOf(PayoutData, event.data);
  if (await trx('payouts').where('id', p.id).first('id')) return; // stale
  if (!(await trx('merchants').where('id', p.merchant_id).first('id'))) return { waitingFor: p.merchant_id };
  const taken = await trx('payouts').where('payout_number', p.payout_number).first('id');
  if (taken) throw new EventRejected(`Payout number ${p.payout_number} already belongs to payout ${taken.id}`);
  await trx('payouts').insert({
    id: p.id, merchant_id: p.merchant_id, payout_number: p.payout_number, amount: p.amount, fee_amount: p.fee_amount,
    net_amount: p.net_amount, currency: p.currency, status: 'pending', transaction_count: p.transaction_count, approvals: '[]',
    created_at: p.created_at, updated_at: actor.at,
  });
  await writeAudit(trx, {
    actorId: actor.id, action: 'payout.created', entity: 'payouts', entityId: p.id, at: actor.at,
    detail: { event_id: event.id, payout_number: p.payout_number, amount: p.amount, currency: p.currency },
  });
};

export const applyPayoutOutcome: Applier = async ({ trx, event, actor }) => {
  const outcome = event.type === 'payout.paid' ? 'paid' : 'failed';
  const p = dataOf(PayoutData, event.data);
  const payout = await trx('payouts').where('id', p.id).first();
  if (!payout) return { waitingFor: p.id };
  if (FINAL.includes(payout.status)) return; // stale
  if (!IN_FLIGHT.includes(payout.status)) {
    throw new EventRejected(`Payout #${payout.payout_number} is ${payout.status} here; the processor reports it ${outcome}, but it was never approved`);
  }
  if (outcome === 'failed') {
    // Its debit credited back (resources/payouts/service.ts, as when the processor refuses it).
    if (!(await failPayout(trx, p.id, `The processor reported it failed (event ${event.id})`, actor))) throw new Contended();
    return;
  }
  if (!(await transition(trx, 'payouts', p.id, IN_FLIGHT, { status: 'paid', updated_at: actor.at }))) throw new Contended();
  await writeAudit(trx, {
    actorId: actor.id, action: 'payout.paid', entity: 'payouts', entityId: p.id, at: actor.at,
    detail: { event_id: event.id, from: payout.status, payout_number: payout.payout_number, amount: Number(payout.amount), currency: payout.currency },
  });
};
