// Working a dispute (docs/api.md, "Actions"): assign and write the response while it needs one, submit
// (response text and evidence required, not after the due date), or accept (the merchant
// concedes; the amount stays debited). Each change is a conditional UPDATE on the status, so a
// submit and an edit or evidence removal cannot interleave: whichever commits second sees the
// other's result.
import type { Knex } from 'knex';
import { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import { transition } from '../../db/transition.ts';
import { badRequest, conflict, unprocessable } from '../../errors.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import { dayOf, type Actor } from '../actor.ts';
import { ASSIGNABLE_ROLES } from './assignees.ts';
import { assertNeedsResponse, changedMeanwhile, loadDispute } from './load.ts';

// A whole record may arrive (react-admin's update sends it): only these fields are taken.
export const DisputeUpdate = z.object({
  // An emptied select arrives as "": that is "nobody".
  assignee_id: z.preprocess((v) => (v === '' ? null : v), z.string().trim().min(1).max(40).nullish()),
  response_text: z.string().max(20_000).nullish(),
});
export type DisputeChanges = z.infer<typeof DisputeUpdate>;

export async function updateDispute(trx: Knex.Transaction, id: string, input: DisputeChanges, actor: Actor): Promise<void> {
  const dispute = await loadDispute(trx, id);
  assertNeedsResponse(dispute, 'changing it');
  const changes: Record<string, string | null> = {};
  if (input.assignee_id !== undefined && input.assignee_id !== dispute.assignee_id) {
    if (input.assignee_id !== null) await assertAssignable(trx, input.assignee_id);
    changes.assignee_id = input.assignee_id;
  }
  if (input.response_text !== undefined) {
    const text = input.response_text?.trim() ? input.response_text : null;
    if (text !== dispute.response_text) changes.response_text = text;
  }
  if (Object.keys(changes).length === 0) return;

  if (!(await transition(trx, 'disputes', id, ['needs_response'], { ...changes, updated_at: actor.at }))) {
    throw await changedMeanwhile(trx, id);
  }
  const detail: Record<string, unknown> = {};
  if ('assignee_id' in changes) detail.assignee = { from: dispute.assignee_id ?? null, to: changes.assignee_id };
  if ('response_text' in changes) detail.response_text = { length: changes.response_text?.length ?? 0 };
  await writeAudit(trx, { actorId: actor.id, action: 'dispute.updated', entity: 'disputes', entityId: id, detail, ip: actor.ip, at: actor.at });
}

async function assertAssignable(trx: Knex.Transaction, userId: string): Promise<void> {
  const user = await trx('users').where('id', userId).first('role', 'disabled');
  if (!user || user.disabled || !(ASSIGNABLE_ROLES as readonly string[]).includes(user.role)) {
    throw badRequest('Disputes can only be assigned to an active support or admin user', {
      assignee_id: 'not an active support or admin user',
    });
  }
}

export async function submitDispute(trx: Knex.Transaction, id: string, actor: Actor): Promise<void> {
  const dispute = await loadDispute(trx, id);
  assertNeedsResponse(dispute, 'submitting a response');
  if (dayOf(actor) > dispute.response_due_date) {
    throw conflict(`The response was due by ${dispute.response_due_date}; it can no longer be submitted`);
  }
  if (!(await transition(trx, 'disputes', id, ['needs_response'], { status: 'under_review', submitted_at: actor.at, updated_at: actor.at }))) {
    throw await changedMeanwhile(trx, id);
  }
  // Checked after the status change: the row is ours now, so these reads see every edit or
  // evidence removal that committed before us, and none can commit after.
  const fresh = await trx('disputes').where('id', id).first('response_text');
  if (!fresh?.response_text?.trim()) throw unprocessable('Write a response before submitting it');
  const evidence = await trx('dispute_attachments').where('dispute_id', id).count({ n: '*' }).first();
  if (Number(evidence?.n ?? 0) === 0) throw unprocessable('Attach at least one piece of evidence before submitting');
  await writeAudit(trx, {
    actorId: actor.id, action: 'dispute.submitted', entity: 'disputes', entityId: id,
    detail: { from: 'needs_response', to: 'under_review', evidence: Number(evidence?.n) }, ip: actor.ip, at: actor.at,
  });
  // The response and the evidence as submitted: the files' bytes are read from dispute_attachments
  // at send time (they cannot change once the dispute is under review), so the row stays small.
  const files = await trx('dispute_attachments').where('dispute_id', id).orderBy([{ column: 'created_at' }, { column: 'id' }]).select('id');
  await enqueue(trx, {
    kind: 'dispute.submit', objectId: id, requestId: actor.requestId, at: actor.at,
    payload: { response_text: fresh.response_text, attachment_ids: files.map((f) => f.id) },
  });
}

export async function acceptDispute(trx: Knex.Transaction, id: string, actor: Actor): Promise<void> {
  const dispute = await loadDispute(trx, id);
  assertNeedsResponse(dispute, 'accepting it');
  if (!(await transition(trx, 'disputes', id, ['needs_response'], { status: 'accepted', closed_date: dayOf(actor), updated_at: actor.at }))) {
    throw await changedMeanwhile(trx, id);
  }
  await writeAudit(trx, {
    actorId: actor.id, action: 'dispute.accepted', entity: 'disputes', entityId: id,
    detail: { from: 'needs_response', to: 'accepted', amount: dispute.amount, currency: dispute.currency }, ip: actor.ip, at: actor.at,
  });
  await enqueue(trx, { kind: 'dispute.accept', objectId: id, requestId: actor.requestId, at: actor.at, payload: {} });
}
