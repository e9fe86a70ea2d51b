// Evidence files. Stored in the database (so every instance serves every file), served only by
// the authorised download route, added and removed only while the dispute needs a response.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { DisputeAttachmentRow } from '../../db/tables.ts';
import { newId } from '../../../shared/ids.ts';
import { writeAudit } from '../../audit/audit.ts';
import { transition } from '../../db/transition.ts';
import { badRequest, HttpError, notFound } from '../../errors.ts';
import type { Actor } from '../actor.ts';
import { detectKind, safeFilename } from './evidenceFile.ts';
import { assertNeedsResponse, changedMeanwhile, loadDispute } from './load.ts';

export const ATTACHMENT_COLUMNS = ['id', 'dispute_id', 'filename', 'content_type', 'size', 'sha256', 'uploaded_by', 'created_at'] as const;

/** An attachment as the API describes it: every column but the bytes. */
export type AttachmentMetadata = Omit<DisputeAttachmentRow, 'content'>;

export interface UploadedFile {
  buffer: Buffer;
  originalname?: string;
}

const toMetadata = (row: AttachmentMetadata): AttachmentMetadata => ({ ...row, size: Number(row.size) });

export async function listAttachments(db: Knex, disputeId: string) {
  await loadDispute(db, disputeId);
  const rows = await db('dispute_attachments').where('dispute_id', disputeId)
    .orderBy([{ column: 'created_at' }, { column: 'id' }]).select(...ATTACHMENT_COLUMNS);
  return rows.map(toMetadata);
}

/** The stored file, only through the dispute it belongs to. */
export async function attachmentContent(db: Knex, disputeId: string, attachmentId: string) {
  const row = await db('dispute_attachments').where({ id: attachmentId, dispute_id: disputeId })
    .first('id', 'filename', 'content_type', 'sha256', 'content');
  if (!row) throw notFound('No such attachment on this dispute');
  return {
    id: row.id as string, filename: row.filename as string, contentType: row.content_type as string,
    sha256: row.sha256 as string, content: Buffer.from(row.content),
  };
}

/** Who downloaded which evidence file, and whether the download completed (the client may hang up). */
export async function auditEvidenceDownload(
  db: Knex,
  disputeId: string,
  file: { id: string; filename: string; sha256: string; content: Buffer },
  complete: boolean,
  actor: Actor,
) {
  await writeAudit(db, {
    actorId: actor.id, action: 'dispute.evidence_downloaded', entity: 'disputes', entityId: disputeId,
    detail: { attachment_id: file.id, filename: file.filename, size: file.content.length, sha256: file.sha256, complete },
    ip: actor.ip, at: actor.at,
  });
}

/** Locks the dispute for this change: it must still need a response (a concurrent submit waits or wins). */
async function holdOpenDispute(trx: Knex.Transaction, dispute: { id: string; status: string }, doing: string, at: string) {
  assertNeedsResponse(dispute, doing);
  if (!(await transition(trx, 'disputes', dispute.id, ['needs_response'], { updated_at: at }))) {
    throw await changedMeanwhile(trx, dispute.id);
  }
}

export async function addAttachment(trx: Knex.Transaction, disputeId: string, file: UploadedFile | undefined, actor: Actor) {
  const dispute = await loadDispute(trx, disputeId);
  if (!file) throw badRequest('Attach a file in the form field "file"');
  if (file.buffer.length === 0) throw badRequest('The file is empty');
  const kind = detectKind(file.buffer);
  if (!kind) throw new HttpError(415, 'Only PDF, PNG and JPEG files are accepted (checked by their content)');
  await holdOpenDispute(trx, dispute, 'adding evidence', actor.at);

  const row = {
    id: newId('attachment', Date.parse(actor.at)), dispute_id: disputeId, filename: safeFilename(file.originalname, kind),
    content_type: kind.contentType, size: file.buffer.length, sha256: createHash('sha256').update(file.buffer).digest('hex'),
    uploaded_by: actor.id, content: file.buffer, created_at: actor.at,
  };
  await trx('dispute_attachments').insert(row);
  const { content: _content, ...metadata } = row;
  await writeAudit(trx, {
    actorId: actor.id, action: 'dispute.attachment_added', entity: 'disputes', entityId: disputeId,
    detail: { attachment_id: row.id, filename: row.filename, content_type: row.content_type, size: row.size, sha256: row.sha256 },
    ip: actor.ip, at: actor.at,
  });
  return metadata;
}

export async function deleteAttachment(trx: Knex.Transaction, disputeId: string, attachmentId: string, actor: Actor) {
  const dispute = await loadDispute(trx, disputeId);
  const row = await trx('dispute_attachments').where({ id: attachmentId, dispute_id: disputeId }).first(...ATTACHMENT_COLUMNS);
  if (!row) throw notFound('No such attachment on this dispute');
  await holdOpenDispute(trx, dispute, 'removing evidence', actor.at);
  await trx('dispute_attachments').where({ id: attachmentId, dispute_id: disputeId }).delete();
  await writeAudit(trx, {
    actorId: actor.id, action: 'dispute.attachment_deleted', entity: 'disputes', entityId: disputeId,
    detail: { attachment_id: row.id, filename: row.filename, sha256: row.sha256 }, ip: actor.ip, at: actor.at,
  });
  return toMetadata(row);
}
