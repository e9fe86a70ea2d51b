// An admin's retry of a failed outbox item (docs/processor.md, "Actions out"): back to `pending`,
// due now, with a fresh attempt budget — only while the action it carries still waits for the
// processor. A refund the processor refused was failed and its money given back; sending its
// request again could carry out a refund nobody is paying for any more, so that is a 409.
import type { Knex } from 'knex';
import { writeAudit } from '../../audit/audit.ts';
import { conflict, notFound } from '../../errors.ts';
import type { Actor } from '../actor.ts';

/** The state the item's object must still be in for a retry to make sense. */
const WAITING: Record<string, { table: string; statuses: string[] } | undefined> = {
  'refund.create': { table: 'refunds', statuses: ['pending'] },
  'payout.approve': { table: 'payouts', statuses: ['approved', 'processing'] },
};

export async function retryOutboxItem(trx: Knex.Transaction, id: string, actor: Actor): Promise<void> {
  const item = await trx('outbox').where('id', id).first('id', 'kind', 'object_id', 'status', 'attempts', 'last_error');
  if (!item) throw notFound(`No outbox item with id "${id}"`);
  if (item.status !== 'failed') throw conflict(`Only failed deliveries can be retried; this one is ${item.status}`);
  const waiting = WAITING[item.kind];
  if (waiting) {
    const object = await trx(waiting.table).where('id', item.object_id).first('status');
    if (!object || !waiting.statuses.includes(object.status)) {
      throw conflict(`This delivery cannot be retried: its ${waiting.table === 'refunds' ? 'refund' : 'payout'} is ${object?.status ?? 'gone'} and no longer waits for the processor`);
    }
  }
  const moved = await trx('outbox').where({ id, status: 'failed' })
    .update({ status: 'pending', attempts: 0, next_attempt_at: actor.at, leased_until: null });
  if (moved !== 1) throw conflict('This delivery changed meanwhile; reload and try again');
  await writeAudit(trx, {
    actorId: actor.id, action: 'outbox.retried', entity: 'outbox', entityId: id,
    detail: { kind: item.kind, object_id: item.object_id, attempts: Number(item.attempts), last_error: item.last_error }, ip: actor.ip, at: actor.at,
  });
}
