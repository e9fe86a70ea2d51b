// Every action name the audit trail records, written once: writeAudit only accepts these (so a
// new kind of write must be named here), and the SPA's audit filter offers exactly this list.
export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.throttled',
  'logout',
  'password.changed',
  'password.change_failed',
  'user.created',
  'user.updated',
  'admin_grant.requested',
  'admin_grant.approved',
  'admin_grant.rejected',
  'admin_grant.cancelled',
  'merchant.created',
  'merchant.updated',
  'payment_intent.created',
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'payment.cancelled',
  'payment.voided',
  'payment.settled',
  'refund.created',
  'refund.succeeded',
  'refund.failed',
  'payout.created',
  'payout.paid',
  'payout.first_approval',
  'payout.approved',
  'payout.declined',
  'payout.failed',
  'dispute.opened',
  'dispute.updated',
  'dispute.note_added',
  'dispute.attachment_added',
  'dispute.attachment_deleted',
  'dispute.submitted',
  'dispute.accepted',
  'dispute.won',
  'dispute.lost',
  'outbox.retried',
  // Reads that take customer data away: bulk exports (list exports, the reconciliation report)
  // and evidence downloads, with how many rows left and whether the download completed.
  'data.exported',
  'dispute.evidence_downloaded',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The record types audit rows are about (their `entity`). */
export const AUDIT_ENTITIES = [
  'users', 'merchants', 'intents', 'payments', 'refunds', 'payouts', 'disputes',
  // what exports read besides (data.exported)
  'plans', 'balances', 'transactions', 'audit',
  'outbox',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/**
 * The audit actor of what the processor's signed events do (docs/processor.md): not a user, so
 * not a users.id — the audit list shows it as "Processor".
 */
export const PROCESSOR_ACTOR = 'processor';
