// Internal notes on a dispute: append-only (there is no edit or delete), allowed in any status —
// what happened after a dispute closed is worth writing down too.
import type { Knex } from 'knex';
import { z } from 'zod';
import { newId } from '../../../shared/ids.ts';
import { writeAudit } from '../../audit/audit.ts';
import type { Actor } from '../actor.ts';
import { loadDispute } from './load.ts';

export const NoteCreate = z.object({ body: z.string().trim().min(1, 'A note cannot be empty').max(5000) });

const NOTE_COLUMNS = ['id', 'dispute_id', 'author_id', 'body', 'created_at'];

/** The notes, oldest first, each with its author's name (every role reads them; users is admins' only). */
export async function listNotes(db: Knex, disputeId: string) {
  await loadDispute(db, disputeId);
  return db('dispute_notes as n').leftJoin('users as u', 'u.id', 'n.author_id').where('n.dispute_id', disputeId)
    .orderBy([{ column: 'n.created_at' }, { column: 'n.id' }])
    .select([...NOTE_COLUMNS.map((c) => `n.${c}`), 'u.name as author_name']);
}

export async function addNote(trx: Knex.Transaction, disputeId: string, body: string, actor: Actor) {
  await loadDispute(trx, disputeId);
  const note = { id: newId('note', Date.parse(actor.at)), dispute_id: disputeId, author_id: actor.id, body, created_at: actor.at };
  await trx('dispute_notes').insert(note);
  await writeAudit(trx, {
    actorId: actor.id, action: 'dispute.note_added', entity: 'disputes', entityId: disputeId,
    detail: { note_id: note.id, length: body.length }, ip: actor.ip, at: actor.at,
  });
  const author = await trx('users').where('id', actor.id).first('name');
  return { ...note, author_name: author?.name ?? null };
}
