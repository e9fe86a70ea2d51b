// What each outbox kind asks of the processor (docs/processor.md, "Actions out: the outbox"): the
// HTTP request, built from the row at send time. Built the same way on every attempt, so a retry
// is the same request under the same Idempotency-Key, which the processor answers without
// executing it again.
import type { Knex } from 'knex';
import type { OutboxKind } from '../../shared/enums.ts';

export interface ProcessorRequest {
  method: 'POST';
  path: string;
  body: Record<string, unknown>;
}

export interface OutboxRow {
  id: string;
  kind: OutboxKind;
  object_id: string;
  payload: string;
  attempts: number;
  request_id: string | null;
}

export async function requestFor(db: Knex, row: OutboxRow): Promise<ProcessorRequest> {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  switch (row.kind) {
    case 'refund.create':
      return { method: 'POST', path: '/v1/refunds', body: payload };
    case 'payout.approve':
      return { method: 'POST', path: '/v1/payouts/confirm', body: { action: 'APPROVE', transactionId: payload.transactionId } };
    case 'payout.decline':
      return { method: 'POST', path: '/v1/payouts/confirm', body: { action: 'DECLINE', transactionId: payload.transactionId } };
    case 'dispute.submit':
      return {
        method: 'POST', path: `/v1/disputes/${encodeURIComponent(row.object_id)}/evidence`,
        body: { response_text: payload.response_text, files: await evidenceFiles(db, row.object_id, (payload.attachment_ids as string[] | undefined) ?? []) /* ids, as disputes/service.ts enqueued them */ },
      };
    case 'dispute.accept':
      return { method: 'POST', path: `/v1/disputes/${encodeURIComponent(row.object_id)}/accept`, body: {} };
    default:
      throw new Error(`Unknown outbox kind "${String(row.kind)}"`);
  }
}

/** The files as submitted, in their order, with their bytes inline and the digest stored when they were uploaded. */
async function evidenceFiles(db: Knex, disputeId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db('dispute_attachments').where('dispute_id', disputeId).whereIn('id', ids)
    .select('id', 'filename', 'content_type', 'sha256', 'content');
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return { filename: r.filename, content_type: r.content_type, sha256: r.sha256, content_base64: Buffer.from(r.content).toString('base64') };
  });
}
