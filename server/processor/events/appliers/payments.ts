// payment.* events move a payment forward through its state machine, never back
// (docs/processor.md, "Order does not matter"):
//   pending < uncaptured < captured;  failed, cancelled, voided: final, only from before captured.
// Each event moves the payment to *at least* the state it reports: payment.settled carries a
// captured payment, so it captures (if that has not arrived yet) and settles in one go, and the
// late payment.captured is then stale. Capturing credits the amount and debits the fee through
// the ledger (pending until settled); settling moves those entries to available.
import { DECLINE_CODES } from '../../../../shared/declineCodes.ts';
import type { IntentStatus, PaymentStatus } from '../../../../shared/enums.ts';
import type { ProcessorEventType } from '../../../../shared/enums.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { transition } from '../../../db/transition.ts';
import { recordCapture, settlePayment } from '../../../ledger/movements.ts';
import { dataOf, PaymentData } from './data.ts';
import { Contended, type Applier, type ApplyInput } from './types.ts';

type PaymentEvent = Extract<ProcessorEventType, `payment.${string}`>;

/** The state each event reports. */
const TARGET: Record<PaymentEvent, Exclude<PaymentStatus, 'pending'>> = {
  'payment.authorized': 'uncaptured',
  'payment.captured': 'captured',
  'payment.failed': 'failed',
  'payment.cancelled': 'cancelled',
  'payment.voided': 'voided',
  'payment.settled': 'captured',
};

/** The audit action of reaching each state (payment.settled may capture too: that is recorded as a capture). */
const REACHED: Record<Exclude<PaymentStatus, 'pending'>, Exclude<PaymentEvent, 'payment.settled'>> = {
  uncaptured: 'payment.authorized',
  captured: 'payment.captured',
  failed: 'payment.failed',
  cancelled: 'payment.cancelled',
  voided: 'payment.voided',
};

/** Where a payment may go from each state; captured and the failures are final. */
const FORWARD: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['uncaptured', 'captured', 'failed', 'cancelled', 'voided'],
  uncaptured: ['captured', 'failed', 'cancelled', 'voided'],
  captured: [],
  failed: [],
  cancelled: [],
  voided: [],
};

/** The intent follows its payment; it never moves back either. */
const INTENT_FROM: Partial<Record<PaymentStatus, { status: IntentStatus; from: IntentStatus[] }>> = {
  uncaptured: { status: 'uncaptured', from: ['created', 'pending'] },
  captured: { status: 'captured', from: ['created', 'pending', 'uncaptured'] },
  failed: { status: 'failed', from: ['created', 'pending', 'uncaptured'] },
  cancelled: { status: 'cancelled', from: ['created', 'pending', 'uncaptured'] },
  voided: { status: 'cancelled', from: ['created', 'pending', 'uncaptured'] },
};

export const applyPayment: Applier = async (input) => {
  const { trx, event } = input;
  const type = event.type as PaymentEvent;
  const p = dataOf(PaymentData, event.data);
  const target = TARGET[type];
  const existing = await trx('payments').where('id', p.id).first('id', 'status', 'settlement_status', 'merchant_id', 'currency', 'amount');
  let moved = false;
  if (!existing) {
    const intent = await trx('intents').where('id', p.intent_id).first('id');
    if (!intent) return { waitingFor: p.intent_id };
    if (!(await trx('merchants').where('id', p.merchant_id).first('id'))) return { waitingFor: p.merchant_id };
    await insertPayment(input, p, target);
    moved = true;
  } else if (FORWARD[existing.status as PaymentStatus].includes(target)) {
    if (!(await transition(trx, 'payments', p.id, [existing.status], paymentPatch(p, target, input.actor.at)))) throw new Contended();
    if (target === 'captured') await recordCapture(trx, p, false, capturedAt(p, input.actor.at));
    await audit(input, p, existing.status, target);
    moved = true;
  }
  if (moved) await followIntent(input, p, target);
  if (type === 'payment.settled') await settle(input, p);
};

function capturedAt(p: { captured_at?: string | null }, at: string) {
  return p.captured_at ?? at;
}

type Payment = ReturnType<typeof PaymentData.parse>;

/** The fields an event sets as the payment moves to `target`. */
function paymentPatch(p: Payment, target: PaymentStatus, at: string) {
  const captured = target === 'captured';
  return {
    status: target,
    fee_amount: p.fee_amount,
    net_amount: captured ? p.amount - p.fee_amount : 0,
    auth_code: p.auth_code,
    decline_code: target === 'failed' ? p.decline_code : null,
    decline_reason: target === 'failed' ? (p.decline_reason ?? (p.decline_code ? DECLINE_CODES[p.decline_code] ?? null : null)) : null,
    captured_at: captured ? capturedAt(p, at) : null,
    updated_at: at,
  };
}

async function insertPayment(input: ApplyInput, p: Payment, target: Exclude<PaymentStatus, 'pending'>) {
  const { trx, actor } = input;
  const inserted = await trx('payments').insert({
    id: p.id, intent_id: p.intent_id, merchant_id: p.merchant_id, amount: p.amount, currency: p.currency,
    entry_mode: p.entry_mode, card_brand: p.card_brand, card_last4: p.card_last4, amount_refunded: 0,
    settlement_status: 'unsettled', settled_at: null, customer_email: p.customer_email, reference_id: p.reference_id,
    created_at: p.created_at, ...paymentPatch(p, target, actor.at),
  }).onConflict('id').ignore().returning('id');
  if (!inserted.length) throw new Contended(); // another event of this payment inserted it meanwhile
  if (target === 'captured') await recordCapture(trx, p, false, capturedAt(p, actor.at));
  await audit(input, p, null, target);
}

/** Settles a captured payment once: its row, then its ledger entries. */
async function settle(input: ApplyInput, p: Payment) {
  const { trx, actor } = input;
  const at = p.settled_at ?? actor.at;
  const moved = await trx('payments').where({ id: p.id, status: 'captured', settlement_status: 'unsettled' })
    .update({ settlement_status: 'settled', settled_at: at, updated_at: actor.at });
  if (moved !== 1) return; // stale: settled already, or not a captured payment here
  await settlePayment(trx, p.id, at);
  await writeAudit(trx, {
    actorId: actor.id, action: 'payment.settled', entity: 'payments', entityId: p.id, at: actor.at,
    detail: { event_id: input.event.id, amount: p.amount, fee: p.fee_amount, currency: p.currency },
  });
}

async function followIntent({ trx, actor }: ApplyInput, p: Payment, target: PaymentStatus) {
  const step = INTENT_FROM[target];
  if (!step) return;
  await trx('intents').where('id', p.intent_id).whereIn('status', step.from).update({
    status: step.status,
    ...(target === 'captured' ? { amount_captured: p.amount } : {}),
    ...(target === 'voided' ? { cancellation_reason: 'void' } : {}),
    updated_at: actor.at,
  });
}

async function audit({ trx, actor, event }: ApplyInput, p: Payment, from: string | null, to: Exclude<PaymentStatus, 'pending'>) {
  await writeAudit(trx, {
    actorId: actor.id, action: REACHED[to], entity: 'payments', entityId: p.id, at: actor.at,
    detail: {
      event_id: event.id, from, to, amount: p.amount, currency: p.currency,
      ...(to === 'captured' ? { fee: p.fee_amount } : {}), ...(to === 'failed' ? { decline_code: p.decline_code } : {}),
    },
  });
}
