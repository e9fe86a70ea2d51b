// Enqueuing an event: the envelope is built and stored in the same transaction as the change it
// reports, so an event is never lost nor sent for a change that rolled back. Delivery
// (delivery.ts) takes it from there.
import type { Knex } from 'knex';
import { newId } from '../../shared/ids.ts';
import { iso, type SimContext } from '../context.ts';

export const EVENT_TYPES = [
  'merchant.created', 'merchant.updated', 'payment_intent.created', 'payment.authorized', 'payment.captured',
  'payment.failed', 'payment.cancelled', 'payment.voided', 'payment.settled', 'refund.succeeded', 'refund.failed',
  'dispute.opened', 'dispute.won', 'dispute.lost', 'payout.created', 'payout.paid', 'payout.failed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface Envelope {
  id: string;
  type: EventType;
  created_at: string;
  data: { id: string } & Record<string, unknown>;
}

export async function emit(
  trx: Knex, ctx: SimContext, type: EventType, data: { id: string }, opts: { delayMs?: number } = {},
): Promise<Envelope> {
  const at = ctx.now();
  const envelope: Envelope = { id: newId('event', at), type, created_at: iso(at), data: { ...data } };
  let next = at + (opts.delayMs ?? 0);
  // Out-of-order delivery: some events wait a little, so the ones after them overtake them.
  if (ctx.faults.reorder_rate > 0 && ctx.random() < ctx.faults.reorder_rate) {
    next += Math.floor(ctx.random() * ctx.faults.reorder_window_ms);
  }
  await trx('sim_events').insert({
    event_id: envelope.id, type, object_id: data.id, body: JSON.stringify(envelope), duplicate: false,
    next_attempt_at: next, attempts: 0, created_at: envelope.created_at,
  });
  return envelope;
}
