// The data provider's custom methods for the actions of docs/api.md — refunds, payout
// decisions, submitting or accepting a dispute, notes and evidence — spread into dataProvider.ts.
// (A dispute's assignee and response text use the standard update: PUT /api/disputes/:id.)
// Every POST carries the Idempotency-Key the screen chose, so a retry or a double click replays
// the first answer instead of acting twice; errors are react-admin HttpErrors carrying the
// server's message.
import { HttpError, type RaRecord } from 'react-admin';
import { withStepUp } from './account/stepUp.ts';

export interface ActionErrorBody {
  message?: string;
  errors?: Record<string, string>;
}

/** A refused or failed call. `replayed`: the server answered from its idempotency store. */
export class ActionError extends HttpError {
  constructor(
    message: string,
    status: number,
    body: ActionErrorBody | undefined,
    readonly replayed: boolean,
  ) {
    super(message, status, body);
    // HttpError pins its own prototype; restore ours so `instanceof ActionError` holds.
    Object.setPrototypeOf(this, ActionError.prototype);
    this.name = 'ActionError';
  }
}

interface Send {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  json?: unknown;
  form?: FormData;
  key?: string;
}

/** One call; when the server asks for a step-up first, the same request again after it (same key, same body). */
const send = <T>(url: string, opts: Send = {}): Promise<T> => withStepUp(() => sendOnce<T>(url, opts));

async function sendOnce<T>(url: string, { method = 'GET', json, form, key }: Send = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  // A network failure rejects here with a TypeError (no status): the outcome is unknown.
  const res = await fetch(url, {
    method, headers, credentials: 'same-origin', body: form ?? (json === undefined ? undefined : JSON.stringify(json)),
  });
  const body = await res.json().catch(() => undefined);
  if (!res.ok) {
    throw new ActionError(body?.message ?? res.statusText, res.status, body, res.headers.get('Idempotent-Replayed') === 'true');
  }
  return body as T;
}

const path = (...parts: string[]) => `/api/${parts.map(encodeURIComponent).join('/')}`;

export interface Assignee {
  id: string;
  name: string;
  role: string;
}

export interface RefundInput {
  payment_id: string;
  amount: number;
  reason: string;
  note?: string | null;
}

export interface DisputeNote {
  id: string;
  dispute_id: string;
  author_id: string;
  /** The author's name (GET /api/disputes/:id/notes names them for every role). */
  author_name?: string | null;
  body: string;
  created_at: string;
}

export interface DisputeAttachment {
  id: string;
  dispute_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  created_at: string;
}

/** The authorised download route of an evidence file (also what previews read). */
export const attachmentUrl = (id: string, attachmentId: string) => path('disputes', id, 'attachments', attachmentId);

/** The record an action answers with, read field by field the way react-admin reads records. */
type AnyRecord = RaRecord & { id: string };

export const actionMethods = {
  /** POST /api/refunds: the refund, pending until the processor confirms it, or the server's refusal. */
  refund: (input: RefundInput, key: string) => send<AnyRecord>(path('refunds'), { method: 'POST', json: input, key }),

  /** POST /api/payouts/:id/approve → the payout (approved, or pending_second_approval). */
  approvePayout: (id: string, key: string) => send<AnyRecord>(path('payouts', id, 'approve'), { method: 'POST', json: {}, key }),

  declinePayout: (id: string, reason: string, key: string) =>
    send<AnyRecord>(path('payouts', id, 'decline'), { method: 'POST', json: { reason }, key }),

  /** Re-applies a failed or parked processor event (admins); answers the event after the attempt. */
  retryEvent: (id: string) => send<AnyRecord>(path('events', id, 'retry'), { method: 'POST', json: {} }),

  /** POST /api/admin_grants/:id/approve or /reject → the grant (docs/security.md, "Dual control"). */
  decideAdminGrant: (id: string, decision: 'approve' | 'reject') =>
    send<AnyRecord>(path('admin_grants', id, decision), { method: 'POST', json: {} }),

  /** POST /api/outbox/:id/retry → the delivery, pending again (docs/processor.md, "Actions out"). */
  retryOutboxItem: (id: string) => send<AnyRecord>(path('outbox', id, 'retry'), { method: 'POST', json: {} }),

  submitDispute: (id: string, key: string) => send<AnyRecord>(path('disputes', id, 'submit'), { method: 'POST', json: {}, key }),

  acceptDispute: (id: string, key: string) => send<AnyRecord>(path('disputes', id, 'accept'), { method: 'POST', json: {}, key }),

  disputeNotes: (id: string) => send<DisputeNote[]>(path('disputes', id, 'notes')),

  /** GET /api/disputes/assignees: whom a dispute can be handed to (support agents, then admins). */
  disputeAssignees: () => send<Assignee[]>(path('disputes', 'assignees')),

  addDisputeNote: (id: string, body: string, key: string) =>
    send<DisputeNote>(path('disputes', id, 'notes'), { method: 'POST', json: { body }, key }),

  disputeAttachments: (id: string) => send<DisputeAttachment[]>(path('disputes', id, 'attachments')),

  /** Multipart upload, field `file`; the server checks the type by content and the size. */
  uploadDisputeAttachment: (id: string, file: File, key: string) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return send<DisputeAttachment>(path('disputes', id, 'attachments'), { method: 'POST', form, key });
  },

  deleteDisputeAttachment: (id: string, attachmentId: string) =>
    send<DisputeAttachment>(path('disputes', id, 'attachments', attachmentId), { method: 'DELETE' }),

  /** An evidence file's content, for previews. */
  async attachmentBlob(id: string, attachmentId: string): Promise<Blob> {
    const res = await fetch(attachmentUrl(id, attachmentId), { credentials: 'same-origin' });
    if (!res.ok) throw new ActionError(res.statusText, res.status, undefined, false);
    return res.blob();
  },
};
