// Every route the API serves beyond a resource's list, getOne and export (those come from the
// resource definitions, see document.ts), described once for the OpenAPI document with the very
// zod schemas the route validates with. openapi.test.ts fails when the app mounts a route that is
// not here, or this names one the app does not mount.
import { z } from 'zod';
import type { Role } from '../../shared/enums.ts';
import { OtpBody } from '../auth/mfa/routes.ts';
import { rolesFor } from '../../shared/permissions.ts';
import { LoginBody, PasswordChange } from '../auth/routes.ts';
import { DisputeResolve } from '../resources/disputes/outcomes.ts';
import { NoteCreate } from '../resources/disputes/notes.ts';
import { DisputeUpdate } from '../resources/disputes/service.ts';
import { MerchantUpdate } from '../resources/merchants/service.ts';
import { Envelope } from '../processor/events/envelope.ts';
import { PayoutDecline } from '../resources/payouts/service.ts';
import { RefundCreate } from '../resources/refunds/service.ts';
import { UserCreate, UserUpdate } from '../resources/users/service.ts';
import { ReconciliationPreviewQuery, ReconciliationQuery } from '../reports/routes.ts';
import { SavedQueryCreate, SavedQueryList, SavedQueryUpdate } from '../savedQueries/service.ts';
import { SearchQuery } from '../search/routes.ts';
import { FeesQuery, OverviewQuery, PlanComparisonQuery, PlansQuery } from '../stats/params.ts';

export interface Operation {
  summary: string;
  /** Who may call it; `public` needs no session. */
  roles: readonly Role[] | 'public' | 'signed-in';
  tag: string;
  body?: z.ZodType;
  /** multipart/form-data with one file field. */
  upload?: string;
  query?: z.ZodType;
  /** The Idempotency-Key header: honoured, or required. */
  idempotency?: 'optional' | 'required';
  /** Status → what it means; the success status first. */
  responses: Record<number, string>;
  /** The success answer is a record of this resource (its schema comes from the definition). */
  returns?: string;
  /** The success answer is a file download rather than JSON. */
  download?: string[];
}

const everyone = 'signed-in' as const;

/** Keys are "METHOD /api/path/:param" (and GET /metrics), exactly as Express mounts them. */
export const OPERATIONS: Record<string, Operation> = {
  'GET /api/health': { summary: 'The server and its database answer', roles: 'public', tag: 'health', responses: { 200: 'up' } },
  'GET /metrics': {
    summary: 'Prometheus metrics (text format); docs/operations.md says who may read them', roles: 'public', tag: 'health',
    responses: { 200: 'the metrics', 401: 'METRICS_TOKEN is set and was not sent', 403: 'not a direct caller on this machine' },
  },

  'POST /api/auth/login': {
    summary: 'Sign in; sets the session cookie', roles: 'public', tag: 'auth', body: LoginBody,
    responses: {
      200: 'the signed-in user ({id, email, name, role, mfa_enabled, mfa_enrolment_required})',
      401: 'wrong email or password (one message for both); with `mfa_required: true`: the account needs `otp` (missing, wrong or already used)',
      429: 'throttled (Retry-After)',
    },
  },
  'POST /api/auth/step-up': {
    summary: 'Prove the second factor again (TOTP or recovery code): payout decisions and user changes are open for 5 minutes', roles: everyone, tag: 'auth', body: OtpBody,
    responses: { 204: 'verified', 400: 'the code is not valid or was already used', 409: 'no second factor set up', 429: 'throttled' },
  },
  'POST /api/auth/mfa/enrol': {
    summary: 'Start two-factor set-up: a new TOTP secret as {secret, otpauth_uri, qr_code}; replaces a pending one', roles: everyone, tag: 'auth',
    responses: { 200: '{secret, otpauth_uri, qr_code (PNG data URL)}', 409: 'already set up' },
  },
  'POST /api/auth/mfa/confirm': {
    summary: 'Confirm the set-up with a first code; answers the one-time recovery codes, shown only this once', roles: everyone, tag: 'auth', body: OtpBody,
    responses: { 200: '{recovery_codes: [10 codes]}', 400: 'the code is not valid', 409: 'nothing pending, or already set up' },
  },
  'POST /api/auth/logout': { summary: 'End the session', roles: 'public', tag: 'auth', responses: { 204: 'signed out' } },
  'GET /api/auth/me': { summary: 'The signed-in user', roles: everyone, tag: 'auth', responses: { 200: 'the user', 401: 'no session' } },
  'POST /api/auth/password': {
    summary: 'Change one\u2019s own password; ends every other session', roles: everyone, tag: 'auth', body: PasswordChange,
    responses: { 204: 'changed', 400: 'wrong current password or a weak new one', 429: 'throttled' },
  },

  'GET /api/search': {
    summary: 'Find records by id or its start, reference, email, card last 4, auth code, payout number or name', roles: everyone, tag: 'search', query: SearchQuery,
    responses: { 200: '{q, exactId, groups: [{resource, total, exact, hits: [{resource, id, status?, record}]}]} (shared/api/search.ts)', 400: 'no q, or longer than 200 characters' },
  },
  'GET /api/saved-queries': {
    summary: 'A list\u2019s saved queries: the caller\u2019s own and the team\u2019s shared ones', roles: everyone, tag: 'saved-queries', query: SavedQueryList,
    responses: { 200: '[SavedQuery] (shared/api/savedQueries.ts), by name', 400: 'no or unknown resource', 403: 'a list the caller cannot read' },
  },
  'POST /api/saved-queries': {
    summary: 'Save a list query, optionally shared with the team', roles: everyone, tag: 'saved-queries', body: SavedQueryCreate,
    responses: { 201: 'the saved query', 400: 'no name, or a filter or sort the list refuses', 403: 'a list the caller cannot read' },
  },
  'PUT /api/saved-queries/:id': {
    summary: 'Rename, change, share or unshare one\u2019s own saved query', roles: everyone, tag: 'saved-queries', body: SavedQueryUpdate,
    responses: { 200: 'the saved query', 400: 'invalid', 403: 'another user\u2019s shared query', 404: 'no such query visible to the caller' },
  },
  'DELETE /api/saved-queries/:id': {
    summary: 'Delete one\u2019s own saved query', roles: everyone, tag: 'saved-queries',
    responses: { 204: 'deleted', 403: 'another user\u2019s shared query', 404: 'no such query visible to the caller' },
  },
  'GET /api/stats/fees': { summary: 'Captured volume and fees per period', roles: everyone, tag: 'stats', query: FeesQuery, responses: { 200: '[{period, currency, volume, fees, count}]' } },
  'GET /api/stats/plans': { summary: 'Volume, fees and effective rate per plan', roles: everyone, tag: 'stats', query: PlansQuery, responses: { 200: '[{plan_id, name, plan_type, merchants, volume, fees, effective_bps}]' } },
  'GET /api/stats/overview': { summary: 'The dashboard\u2019s key figures', roles: everyone, tag: 'stats', query: OverviewQuery, responses: { 200: 'the KPIs' } },
  'GET /api/stats/plan-comparison': { summary: 'What a merchant would have paid on each plan', roles: everyone, tag: 'stats', query: PlanComparisonQuery, responses: { 200: 'one row per plan', 404: 'no such merchant' } },
  'GET /api/reports/reconciliation': {
    summary: 'Per-day settlement reconciliation', roles: everyone, tag: 'reports', query: ReconciliationQuery,
    responses: { 200: 'the report' }, download: ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
  'GET /api/reports/reconciliation/preview': {
    summary: 'What the Reports page shows: the first 200 rows, their number and the totals per currency (a read: not limited or audited as an export)',
    roles: everyone, tag: 'reports', query: ReconciliationPreviewQuery, responses: { 200: '{rows, total, totals}' },
  },

  'POST /api/processor/events': {
    summary: 'A signed event from the processor (docs/processor.md): authenticated by its Kaito-Signature header, not a session',
    roles: 'public', tag: 'processor', body: Envelope,
    responses: {
      200: '{id, status: applied | parked | failed | duplicate}', 400: 'signed, but not an event envelope',
      401: 'missing, malformed, stale or wrong signature; nothing stored', 413: 'body over 1 MiB', 429: 'rate limited (Retry-After)',
    },
  },
  'POST /api/events/:id/retry': {
    summary: 'Re-apply a failed or parked processor event', roles: rolesFor('events', 'retry'), tag: 'events', returns: 'events',
    responses: { 200: 'the event after the attempt', 404: 'no such event', 409: 'not failed or parked' },
  },
  'POST /api/outbox/:id/retry': {
    summary: 'Send a failed delivery to the processor again (docs/processor.md, "Actions out")', roles: rolesFor('outbox', 'retry'), tag: 'outbox',
    idempotency: 'optional', returns: 'outbox',
    responses: { 200: 'the item, pending and due now', 404: 'no such item', 409: 'not failed, or its refund or payout no longer waits for the processor' },
  },

  'PUT /api/merchants/:id': { summary: 'Change a merchant\u2019s status or plan', roles: rolesFor('merchants', 'edit'), tag: 'merchants', body: MerchantUpdate, returns: 'merchants', responses: { 200: 'the merchant', 400: 'unknown plan', 404: 'no such merchant' } },

  'POST /api/refunds': {
    summary: 'Refund a captured payment, fully or in part: pending until the processor confirms it', roles: rolesFor('refunds', 'create'), tag: 'refunds', body: RefundCreate, idempotency: 'required',
    returns: 'refunds', responses: { 201: 'the refund', 404: 'no such payment', 409: 'not captured, or more than remains refundable', 422: 'the key was used with another body' },
  },

  'POST /api/payouts/:id/approve': {
    summary: 'Approve a payout (large ones need two admins)', roles: rolesFor('payouts', 'approve'), tag: 'payouts', idempotency: 'optional',
    returns: 'payouts', responses: { 200: 'the payout', 404: 'no such payout', 409: 'not pending, already approved by you, or the balance does not cover it' },
  },
  'POST /api/payouts/:id/decline': {
    summary: 'Decline a payout', roles: rolesFor('payouts', 'decline'), tag: 'payouts', body: PayoutDecline, idempotency: 'optional',
    returns: 'payouts', responses: { 200: 'the payout', 400: 'no reason', 404: 'no such payout', 409: 'not pending' },
  },

  'PUT /api/disputes/:id': { summary: 'Assign a dispute or write its response', roles: rolesFor('disputes', 'edit'), tag: 'disputes', body: DisputeUpdate, returns: 'disputes', responses: { 200: 'the dispute', 409: 'no longer needs a response' } },
  'POST /api/disputes/:id/submit': {
    summary: 'Submit the response and evidence', roles: rolesFor('disputes', 'submit'), tag: 'disputes', idempotency: 'optional',
    returns: 'disputes', responses: { 200: 'the dispute', 409: 'not needing a response, or past its due date', 422: 'no response text or no evidence' },
  },
  'POST /api/disputes/:id/accept': { summary: 'Accept the dispute (the merchant concedes)', roles: rolesFor('disputes', 'accept'), tag: 'disputes', idempotency: 'optional', returns: 'disputes', responses: { 200: 'the dispute', 409: 'not needing a response' } },
  'POST /api/disputes/:id/resolve': { summary: 'Record the network\u2019s outcome', roles: rolesFor('disputes', 'resolve'), tag: 'disputes', body: DisputeResolve, idempotency: 'optional', returns: 'disputes', responses: { 200: 'the dispute', 409: 'already closed' } },
  'GET /api/disputes/assignees': {
    summary: 'Who a dispute can be assigned to: active support agents, then admins ({id, name, role}); the users list stays admins\u2019 only',
    roles: rolesFor('disputes', 'assign'), tag: 'disputes', responses: { 200: '[{id, name, role}]' },
  },
  'GET /api/disputes/:id/notes': { summary: 'The dispute\u2019s notes, oldest first', roles: everyone, tag: 'disputes', responses: { 200: '[{id, dispute_id, author_id, body, created_at}]', 404: 'no such dispute' } },
  'POST /api/disputes/:id/notes': { summary: 'Add a note (append-only)', roles: rolesFor('disputes', 'note'), tag: 'disputes', body: NoteCreate, idempotency: 'optional', responses: { 201: 'the note', 404: 'no such dispute' } },
  'GET /api/disputes/:id/attachments': { summary: 'The dispute\u2019s evidence files (metadata)', roles: everyone, tag: 'disputes', responses: { 200: '[{id, dispute_id, filename, content_type, size, sha256, uploaded_by, created_at}]' } },
  'POST /api/disputes/:id/attachments': {
    summary: 'Upload evidence (PDF, PNG or JPEG)', roles: rolesFor('disputes', 'attach'), tag: 'disputes', upload: 'file', idempotency: 'optional',
    responses: { 201: 'the attachment', 409: 'no longer needs a response', 413: 'too large', 415: 'not a PDF, PNG or JPEG' },
  },
  'GET /api/disputes/:id/attachments/:attachmentId': {
    summary: 'Download an evidence file', roles: everyone, tag: 'disputes', responses: { 200: 'the file', 404: 'not this dispute\u2019s' },
    download: ['application/pdf', 'image/png', 'image/jpeg'],
  },
  'DELETE /api/disputes/:id/attachments/:attachmentId': { summary: 'Remove an evidence file', roles: rolesFor('disputes', 'attach'), tag: 'disputes', responses: { 200: 'the removed attachment', 409: 'no longer needs a response' } },

  'POST /api/users': { summary: 'Create a user', roles: rolesFor('users', 'create'), tag: 'users', body: UserCreate, returns: 'users', responses: { 201: 'the user (an admin is created disabled, with a pending admin grant)', 400: 'invalid, or a weak password', 409: 'the email is taken' } },
  'PUT /api/users/:id': { summary: 'Change a user\u2019s name, role or disabled flag', roles: rolesFor('users', 'edit'), tag: 'users', body: UserUpdate, returns: 'users', responses: { 200: 'the user (promoting to admin or enabling an admin leaves a pending admin grant instead)', 404: 'no such user', 409: 'an admin cannot lock themselves out' } },
  'POST /api/admin_grants/:id/approve': {
    summary: 'Approve a pending admin grant: the account becomes an active admin (a second, different admin)', roles: rolesFor('admin_grants', 'approve'), tag: 'users',
    returns: 'admin_grants', responses: { 200: 'the grant', 404: 'no such grant', 409: 'not pending, asked for by you, or its asker is no longer an admin' },
  },
  'POST /api/admin_grants/:id/reject': {
    summary: 'Reject (or withdraw) a pending admin grant', roles: rolesFor('admin_grants', 'reject'), tag: 'users',
    returns: 'admin_grants', responses: { 200: 'the grant', 404: 'no such grant', 409: 'not pending' },
  },

  'GET /api/openapi.json': { summary: 'This document', roles: 'public', tag: 'health', responses: { 200: 'the OpenAPI 3.1 document' } },
};
