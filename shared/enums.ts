// Every enumeration of the contract, written once. Server validation, migrations' CHECK
// constraints, the seed and the SPA's filters and chips all import from here.

export const ROLES = ['operator', 'support', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A request that a user become an active admin (docs/security.md, "Dual control"). */
export const ADMIN_GRANT_KINDS = ['create', 'promote', 'enable'] as const;
export const ADMIN_GRANT_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type AdminGrantKind = (typeof ADMIN_GRANT_KINDS)[number];
export type AdminGrantStatus = (typeof ADMIN_GRANT_STATUSES)[number];

export const MERCHANT_STATUSES = ['active', 'suspended', 'closed'] as const;
export const PLAN_TYPES = ['FLAT_RATE', 'INTERCHANGE_PLUS', 'TIERED'] as const;
export const INTENT_STATUSES = ['created', 'pending', 'uncaptured', 'captured', 'cancelled', 'failed'] as const;
export const CAPTURE_METHODS = ['automatic', 'manual'] as const;
export const PAYMENT_STATUSES = ['pending', 'uncaptured', 'captured', 'cancelled', 'voided', 'failed'] as const;
export const ENTRY_MODES = ['ecommerce', 'keyed', 'card_present', 'nfc', 'qr', 'alias'] as const;
export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'elo', 'discover', 'jcb'] as const;
export const SETTLEMENT_STATUSES = ['settled', 'unsettled'] as const;
export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'other'] as const;
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export const DISPUTE_STATUSES = ['needs_response', 'under_review', 'won', 'lost', 'accepted'] as const;
export const PAYOUT_STATUSES = [
  'pending',
  'pending_second_approval',
  'approved',
  'declined',
  'processing',
  'paid',
  'failed',
] as const;
/** What became of a signed processor event (docs/processor.md, "Storage first"). */
export const PROCESSOR_EVENT_STATUSES = ['received', 'applied', 'parked', 'failed'] as const;
export type ProcessorEventStatus = (typeof PROCESSOR_EVENT_STATUSES)[number];
/** The event types the processor sends (docs/processor.md, "Types"). */
export const PROCESSOR_EVENT_TYPES = [
  'merchant.created', 'merchant.updated', 'payment_intent.created', 'payment.authorized', 'payment.captured',
  'payment.failed', 'payment.cancelled', 'payment.voided', 'payment.settled', 'refund.succeeded', 'refund.failed',
  'dispute.opened', 'dispute.won', 'dispute.lost', 'payout.created', 'payout.paid', 'payout.failed',
] as const;
export type ProcessorEventType = (typeof PROCESSOR_EVENT_TYPES)[number];
/** Payouts still waiting for an admin's decision: approvable, declinable, in the approval queue. */
export const OPEN_PAYOUT_STATUSES = ['pending', 'pending_second_approval'] as const satisfies readonly (typeof PAYOUT_STATUSES)[number][];
/** An outbox item: waiting to be delivered, delivered (the processor answered 2xx), or failed (an admin may retry it). */
export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed'] as const;
/** What an outbox item asks the processor to do (docs/processor.md, "Actions out: the outbox"). */
export const OUTBOX_KINDS = ['refund.create', 'payout.approve', 'payout.decline', 'dispute.submit', 'dispute.accept'] as const;
export const LEDGER_SOURCE_TYPES = ['payment', 'refund', 'fee', 'dispute', 'payout', 'adjustment'] as const;

export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];
export type PlanType = (typeof PLAN_TYPES)[number];
export type IntentStatus = (typeof INTENT_STATUSES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type EntryMode = (typeof ENTRY_MODES)[number];
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];
export type RefundReason = (typeof REFUND_REASONS)[number];
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export type LedgerSourceType = (typeof LEDGER_SOURCE_TYPES)[number];

/** Dispute reason codes (card-network style) with their plain-language reason. */
export const DISPUTE_REASONS: Record<string, string> = {
  '10.4': 'Fraud — card absent environment',
  '13.1': 'Merchandise or services not received',
  '13.3': 'Not as described or defective',
  '12.6': 'Duplicate processing',
  '13.7': 'Cancelled merchandise or services',
  '4837': 'No cardholder authorization',
  '4853': 'Cardholder dispute — defective or not as described',
  '4834': 'Point-of-interaction error',
};
