// What an answer of the processor does to an outbox item, and — for a definitive refusal — to the
// action it carried (docs/processor.md, "Actions out"). Each is one transaction guarded by the
// claim's lease, so an attempt whose lease ran out (another worker took the item) changes nothing.
import type { Knex } from 'knex';
import { PROCESSOR_ACTOR } from '../../shared/auditActions.ts';
import { failPayout } from '../resources/payouts/service.ts';
import { failRefund } from '../resources/refunds/service.ts';
import type { Claimed } from './claim.ts';

/** How one attempt ended. */
export type Answer =
  | { kind: 'delivered'; status: number }
  /** A timeout, a network error, a 5xx, 408, 429 — or 401/403, a key problem of ours that a fix makes good. */
  | { kind: 'retry'; error: string }
  /** 409: the processor holds the object in another state; nothing to retry by itself, a person looks. */
  | { kind: 'conflict'; error: string }
  /** Any other 4xx: the processor will never do it; the action fails and gives its money back. */
  | { kind: 'refused'; error: string };

export function classify(status: number): 'delivered' | 'retry' | 'conflict' | 'refused' {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 409) return 'conflict';
  if (status >= 400 && status < 500 && ![401, 403, 408, 425, 429].includes(status)) return 'refused';
  return 'retry';
}

const mine = (trx: Knex | Knex.Transaction, item: Claimed) =>
  trx('outbox').where({ id: item.id, status: 'pending', leased_until: item.leased_until });

const clip = (s: string) => (s.length > 1000 ? `${s.slice(0, 997)}...` : s);

export async function markDelivered(db: Knex, item: Claimed, at: string): Promise<boolean> {
  return (await mine(db, item).update({ status: 'delivered', delivered_at: at, leased_until: null, last_error: null })) === 1;
}

/** Another attempt after `delayMs`, or `failed` when this was the last one allowed. */
export async function markRetry(
  db: Knex, item: Claimed, error: string, at: Date, delayMs: number, maxAttempts: number,
): Promise<'retry' | 'failed' | 'lost'> {
  const last = item.attempts >= maxAttempts;
  const updated = await mine(db, item).update(last
    ? { status: 'failed', leased_until: null, last_error: clip(`${error} (gave up after ${item.attempts} attempts)`) }
    : { next_attempt_at: new Date(at.getTime() + delayMs).toISOString(), leased_until: null, last_error: clip(error) });
  if (updated !== 1) return 'lost';
  return last ? 'failed' : 'retry';
}

/**
 * The item is `failed` and waits for a person. For a refusal, the action it carried fails with it
 * in the same transaction: a refund becomes `failed` and its money comes back, a payout becomes
 * `failed` and its debit is credited back. Declines and dispute decisions move no money here.
 */
export async function markFailed(db: Knex, item: Claimed, answer: Extract<Answer, { kind: 'conflict' | 'refused' }>, at: string): Promise<boolean> {
  return db.transaction(async (trx) => {
    const won = await mine(trx, item).update({ status: 'failed', leased_until: null, last_error: clip(answer.error) });
    if (won !== 1) return false;
    if (answer.kind === 'refused') {
      const processor = { id: PROCESSOR_ACTOR, ip: null, at };
      const reason = `Refused by the processor: ${answer.error}`;
      if (item.kind === 'refund.create') await failRefund(trx, item.object_id, reason, processor);
      if (item.kind === 'payout.approve') await failPayout(trx, item.object_id, reason, processor);
    }
    return true;
  });
}
