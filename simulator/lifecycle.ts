// What the processor does later, on its own: captures and voids of manual payments, settlements,
// disputes opening and being decided, refunds and payouts reaching their outcome. Each step is a
// stored task, so a restart loses none; each runs in one transaction with the change it makes and
// the events it emits, and runs once (a task is claimed by a conditional update).
import type { Knex } from 'knex';
import { DISPUTE_REASONS } from '../shared/enums.ts';
import { newId } from '../shared/ids.ts';
import { DISPUTE_CODES } from '../server/seed/catalog.ts';
import { weighted } from '../server/seed/random.ts';
import { iso, isoDate, type SimContext } from './context.ts';
import { emit } from './events/queue.ts';
import { getRecord, putRecord, type PaymentRecord } from './records.ts';

export const TASK_KINDS = [
  'payment.capture', 'payment.settle', 'payment.dispute', 'refund.complete', 'payout.complete', 'dispute.decide',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export async function schedule(trx: Knex, ctx: SimContext, kind: TaskKind, objectId: string, delayMs: number): Promise<void> {
  await trx('sim_tasks').insert({ kind, object_id: objectId, due_at: ctx.now() + delayMs });
}

/** Runs the tasks that are due, oldest first; returns how many ran. */
export async function runDueTasks(ctx: SimContext, limit = 200): Promise<number> {
  const due = await ctx.db('sim_tasks').whereNull('done_at').where('due_at', '<=', ctx.now())
    .orderBy([{ column: 'due_at' }, { column: 'seq' }]).limit(limit).select('seq', 'kind', 'object_id');
  let ran = 0;
  for (const task of due) {
    await ctx.db.transaction(async (trx) => {
      const claimed = await trx('sim_tasks').where({ seq: task.seq }).whereNull('done_at').update({ done_at: ctx.now() });
      if (!claimed) return;
      await HANDLERS[task.kind as TaskKind](trx, ctx, task.object_id);
      ran++;
    });
  }
  return ran;
}

const HANDLERS: Record<TaskKind, (trx: Knex, ctx: SimContext, id: string) => Promise<void>> = {
  'payment.capture': captureOrVoid,
  'payment.settle': settle,
  'payment.dispute': openDispute,
  'refund.complete': completeRefund,
  'payout.complete': completePayout,
  'dispute.decide': decideDispute,
};

/** A manual payment: most are captured later, some are voided (the authorization released). */
async function captureOrVoid(trx: Knex, ctx: SimContext, id: string) {
  const payment = await getRecord(trx, 'payment', id);
  if (!payment || payment.status !== 'uncaptured') return;
  if (ctx.random() < 0.15) {
    await finishPayment(trx, ctx, { ...payment, status: 'voided' }, 'payment.voided', { status: 'cancelled', cancellation_reason: 'void' });
    return;
  }
  await capture(trx, ctx, payment);
}

/** Captures an authorized payment and schedules its settlement (and, sometimes, a dispute). */
export async function capture(trx: Knex, ctx: SimContext, payment: PaymentRecord) {
  const at = iso(ctx.now());
  const captured: PaymentRecord = {
    ...payment, status: 'captured', captured_at: at, net_amount: payment.amount - payment.fee_amount, updated_at: at,
  };
  await finishPayment(trx, ctx, captured, 'payment.captured', { status: 'captured', amount_captured: payment.amount });
  await schedule(trx, ctx, 'payment.settle', payment.id, ctx.config.SIMULATOR_SETTLE_AFTER_MS);
  if (ctx.random() < ctx.config.SIMULATOR_DISPUTE_RATE) {
    await schedule(trx, ctx, 'payment.dispute', payment.id, ctx.config.SIMULATOR_DISPUTE_AFTER_MS);
  }
}

/** Stores the payment's new state and its intent's, and emits the payment event. */
async function finishPayment(
  trx: Knex, ctx: SimContext, payment: PaymentRecord, type: 'payment.captured' | 'payment.voided',
  intentChange: Record<string, unknown>,
) {
  const at = iso(ctx.now());
  const next = { ...payment, updated_at: at };
  await putRecord(trx, 'payment', next);
  const intent = await getRecord(trx, 'intent', payment.intent_id);
  if (intent) await putRecord(trx, 'intent', { ...intent, ...intentChange, updated_at: at });
  await emit(trx, ctx, type, next);
}

async function settle(trx: Knex, ctx: SimContext, id: string) {
  const payment = await getRecord(trx, 'payment', id);
  if (!payment || payment.status !== 'captured' || payment.settlement_status === 'settled') return;
  const at = iso(ctx.now());
  const settled: PaymentRecord = { ...payment, settlement_status: 'settled', settled_at: at, updated_at: at };
  await putRecord(trx, 'payment', settled);
  await addToBalance(trx, payment.merchant_id, payment.currency, payment.amount - payment.fee_amount, 1);
  await emit(trx, ctx, 'payment.settled', settled);
}

async function openDispute(trx: Knex, ctx: SimContext, id: string) {
  const payment = await getRecord(trx, 'payment', id);
  if (!payment || payment.status !== 'captured') return;
  const amount = payment.amount - payment.amount_refunded;
  if (amount <= 0) return;
  const now = ctx.now();
  const reasonCode = weighted(ctx.random, DISPUTE_CODES);
  const dispute = {
    id: newId('dispute', now), payment_id: payment.id, merchant_id: payment.merchant_id, amount, currency: payment.currency,
    status: 'needs_response', reason_code: reasonCode, reason: DISPUTE_REASONS[reasonCode],
    dispute_date: isoDate(now), response_due_date: isoDate(now + 21 * 86_400_000), closed_date: null,
    created_at: iso(now), updated_at: iso(now),
  };
  await putRecord(trx, 'dispute', dispute);
  const intent = await getRecord(trx, 'intent', payment.intent_id);
  if (intent) await putRecord(trx, 'intent', { ...intent, amount_disputed: intent.amount_disputed + amount, updated_at: iso(now) });
  await addToBalance(trx, payment.merchant_id, payment.currency, -amount, 0);
  await emit(trx, ctx, 'dispute.opened', dispute);
}

async function completeRefund(trx: Knex, ctx: SimContext, id: string) {
  const refund = await getRecord(trx, 'refund', id);
  if (!refund || refund.status !== 'pending') return;
  const at = iso(ctx.now());
  const failed = ctx.random() < ctx.config.SIMULATOR_REFUND_FAIL_RATE;
  const next = { ...refund, status: failed ? 'failed' as const : 'succeeded' as const, updated_at: at };
  await putRecord(trx, 'refund', next);
  if (!failed) {
    const payment = await getRecord(trx, 'payment', refund.payment_id);
    if (payment) {
      await putRecord(trx, 'payment', { ...payment, amount_refunded: payment.amount_refunded + refund.amount, updated_at: at });
      const intent = await getRecord(trx, 'intent', payment.intent_id);
      if (intent) await putRecord(trx, 'intent', { ...intent, amount_refunded: intent.amount_refunded + refund.amount, updated_at: at });
      await addToBalance(trx, payment.merchant_id, payment.currency, -refund.amount, 0);
    }
  }
  await emit(trx, ctx, failed ? 'refund.failed' : 'refund.succeeded', next);
}

async function completePayout(trx: Knex, ctx: SimContext, id: string) {
  const payout = await getRecord(trx, 'payout', id);
  if (!payout || payout.status !== 'processing') return;
  const failed = ctx.random() < ctx.config.SIMULATOR_PAYOUT_FAIL_RATE;
  const next = { ...payout, status: failed ? 'failed' : 'paid', updated_at: iso(ctx.now()) };
  await putRecord(trx, 'payout', next);
  if (failed) {
    await addToBalance(trx, payout.merchant_id, payout.currency, payout.amount, 0);
  }
  await emit(trx, ctx, failed ? 'payout.failed' : 'payout.paid', next);
}

async function decideDispute(trx: Knex, ctx: SimContext, id: string) {
  const dispute = await getRecord(trx, 'dispute', id);
  if (!dispute || dispute.status !== 'under_review') return;
  const won = ctx.random() < ctx.config.SIMULATOR_DISPUTE_WIN_RATE;
  const now = ctx.now();
  const next = { ...dispute, status: won ? 'won' : 'lost', closed_date: isoDate(now), updated_at: iso(now) };
  await putRecord(trx, 'dispute', next);
  if (won) {
    await addToBalance(trx, dispute.merchant_id, dispute.currency, dispute.amount, 0);
  }
  await emit(trx, ctx, won ? 'dispute.won' : 'dispute.lost', next);
}

/** Settled money not yet paid out, which payouts are sized from. */
export async function addToBalance(trx: Knex, merchantId: string, currency: string, amount: number, count: number) {
  await trx('sim_balances')
    .insert({ merchant_id: merchantId, currency, unpaid: amount, transaction_count: count })
    .onConflict(['merchant_id', 'currency'])
    .merge({
      unpaid: trx.raw('sim_balances.unpaid + ?', [amount]),
      transaction_count: trx.raw('sim_balances.transaction_count + ?', [count]),
    });
}
