// Writing an outbox item (docs/processor.md, "Actions out: the outbox"): always inside the
// transaction of the action it belongs to, so the request to the processor exists exactly when the
// action committed — never an action the processor is not told about, never a request for an
// action that rolled back. The worker (worker.ts) delivers it; its id is the Idempotency-Key.
import type { Knex } from 'knex';
import type { OutboxKind } from '../../shared/enums.ts';
import { newId } from '../../shared/ids.ts';

export interface OutboxItem {
  kind: OutboxKind;
  /** The refund, payout or dispute the request is about. */
  objectId: string;
  /** What the request needs beyond the object itself (requests.ts builds the HTTP request from it). */
  payload: Record<string, unknown>;
  /** X-Request-Id of the user's request, sent on to the processor so one id follows the action. */
  requestId?: string | null;
  at: string;
}

export async function enqueue(trx: Knex.Transaction, item: OutboxItem): Promise<string> {
  const id = newId('outbox', Date.parse(item.at));
  await trx('outbox').insert({
    id, kind: item.kind, object_id: item.objectId, payload: JSON.stringify(item.payload), status: 'pending', attempts: 0,
    next_attempt_at: item.at, leased_until: null, last_error: null, request_id: item.requestId ?? null,
    created_at: item.at, delivered_at: null,
  });
  return id;
}
