// One row type per table, as the migrations leave it (server/db/schema.snapshot.json is the
// reviewed list of columns; keep the two in step when a migration adds or changes a column).
// Knex reads them through its `Tables` augmentation below, so `db('payments')` selects
// PaymentRow and checks the columns of inserts and updates.
//
// Column types as the drivers hand them back: times are ISO-8601 text, money and counts are
// numbers (bigint and numeric are parsed in connect.ts), JSON columns are text to parse, and
// the columns the migrations declare as enums carry the shared enum type. Type aliases, not
// interfaces: a row is then also a Record<string, unknown> where code reads columns by name.
import type {
  AdminGrantKind, AdminGrantStatus, DisputeStatus, EntryMode, IntentStatus, LedgerSourceType, MerchantStatus, OutboxStatus, PaymentStatus,
  PayoutStatus, PlanType, ProcessorEventStatus, RefundReason, RefundStatus, Role, SettlementStatus,
} from '../../shared/enums.ts';

/** SQLite stores a boolean as 0/1 and hands back the integer; PostgreSQL answers true/false. */
export type SqlBoolean = boolean | number;

export type AdminGrantRow = {
  id: string;
  changes: string;
  decided_at: string | null;
  decided_by: string | null;
  kind: AdminGrantKind; // text columns written only from the shared lists (adminGrants/service.ts)
  requested_at: string;
  requested_by: string;
  status: AdminGrantStatus;
  user_id: string;
};

export type AuditRow = {
  id: string;
  action: string;
  actor_id: string | null;
  created_at: string;
  detail: string | null;
  entity: string;
  entity_id: string | null;
  ip: string | null;
};

export type BalanceRow = {
  id: string;
  available: number;
  currency: string;
  merchant_id: string;
  pending: number;
  updated_at: string;
};

export type DisputeAttachmentRow = {
  id: string;
  content: Buffer;
  content_type: string;
  created_at: string;
  dispute_id: string;
  filename: string;
  sha256: string;
  size: number;
  uploaded_by: string;
};

export type DisputeNoteRow = {
  id: string;
  author_id: string;
  body: string;
  created_at: string;
  dispute_id: string;
};

export type DisputeRow = {
  id: string;
  amount: number;
  assignee_id: string | null;
  closed_date: string | null;
  created_at: string;
  currency: string;
  dispute_date: string;
  merchant_id: string;
  payment_id: string;
  reason: string;
  reason_code: string;
  response_due_date: string;
  response_text: string | null;
  status: DisputeStatus;
  submitted_at: string | null;
  updated_at: string;
};

export type IdempotencyKeyRow = {
  created_at: string;
  key: string;
  request_hash: string;
  response_body: string | null;
  response_status: number | null;
  route: string;
  user_id: string;
};

export type IntentRow = {
  id: string;
  amount: number;
  amount_captured: number;
  amount_disputed: number;
  amount_refunded: number;
  cancellation_reason: string | null;
  capture_method: string;
  created_at: string;
  currency: string;
  customer_email: string | null;
  description: string | null;
  merchant_id: string;
  reference_id: string | null;
  status: IntentStatus;
  updated_at: string;
};

export type LoginFailureRow = {
  count: number;
  key: string;
  window_start: string;
};

export type MerchantRow = {
  id: string;
  country: string;
  created_at: string;
  default_currency: string;
  email: string;
  name: string;
  plan_id: string;
  status: MerchantStatus;
  updated_at: string;
};

export type MfaRecoveryCodeRow = {
  code_hash: string;
  created_at: string;
  used_at: string | null;
  user_id: string;
};

export type OutboxRow = {
  id: string;
  attempts: number;
  created_at: string;
  delivered_at: string | null;
  kind: string;
  last_error: string | null;
  leased_until: string | null;
  next_attempt_at: string;
  object_id: string;
  payload: string;
  request_id: string | null;
  status: OutboxStatus;
};

export type PaymentDailyTotalRow = {
  captured_day: string;
  count: number;
  currency: string;
  fees: number;
  merchant_id: string;
  volume: number;
};

export type PaymentRow = {
  id: string;
  amount: number;
  amount_charged_back: number;
  amount_refunded: number;
  auth_code: string | null;
  captured_at: string | null;
  card_brand: string;
  card_last4: string;
  created_at: string;
  currency: string;
  customer_email: string | null;
  decline_code: string | null;
  decline_reason: string | null;
  display_status: string | null;
  entry_mode: EntryMode;
  fee_amount: number;
  intent_id: string;
  merchant_id: string;
  net_amount: number;
  reference_id: string | null;
  settled_at: string | null;
  settlement_status: SettlementStatus;
  status: PaymentStatus;
  updated_at: string;
};

export type PayoutRow = {
  id: string;
  amount: number;
  approvals: string;
  created_at: string;
  currency: string;
  decided_at: string | null;
  decided_by: string | null;
  decline_reason: string | null;
  fee_amount: number;
  merchant_id: string;
  net_amount: number;
  payout_number: number;
  status: PayoutStatus;
  transaction_count: number;
  updated_at: string;
};

export type PlanRow = {
  id: string;
  created_at: string;
  currency: string;
  fixed_fee: number;
  name: string;
  percent_bps: number;
  plan_type: PlanType;
};

export type ProcessorEventRow = {
  id: string;
  applied_at: string | null;
  attempts: number;
  error: string | null;
  object_id: string | null;
  payload: string;
  received_at: string;
  status: ProcessorEventStatus;
  type: string;
  waiting_for: string | null;
};

export type RefundRow = {
  id: string;
  amount: number;
  created_at: string;
  created_by: string | null;
  currency: string;
  intent_id: string;
  merchant_id: string;
  note: string | null;
  payment_id: string;
  reason: RefundReason;
  status: RefundStatus;
};

export type SavedQueryRow = {
  id: string;
  created_at: string;
  name: string;
  params: string;
  resource: string;
  shared: SqlBoolean;
  updated_at: string;
  user_id: string;
};

export type SessionRow = {
  id: string;
  created_at: string;
  ip: string | null;
  last_seen_at: string;
  user_id: string;
  verified_at: string | null;
};

export type TransactionRow = {
  id: string;
  amount: number;
  created_at: string;
  currency: string;
  description: string | null;
  merchant_id: string;
  settled_at: string | null;
  settlement_status: SettlementStatus;
  source_id: string;
  source_type: LedgerSourceType;
};

export type UserRow = {
  id: string;
  created_at: string;
  created_by: string | null;
  disabled: SqlBoolean;
  email: string;
  last_login_at: string | null;
  name: string;
  password_hash: string;
  role: Role;
  totp_confirmed_at: string | null;
  totp_last_step: number | null;
  totp_secret: string | null;
};

declare module 'knex/types/tables' {
  interface Tables {
    admin_grants: AdminGrantRow;
    audit: AuditRow;
    balances: BalanceRow;
    dispute_attachments: DisputeAttachmentRow;
    dispute_notes: DisputeNoteRow;
    disputes: DisputeRow;
    idempotency_keys: IdempotencyKeyRow;
    intents: IntentRow;
    login_failures: LoginFailureRow;
    merchants: MerchantRow;
    mfa_recovery_codes: MfaRecoveryCodeRow;
    outbox: OutboxRow;
    payment_daily_totals: PaymentDailyTotalRow;
    payments: PaymentRow;
    payouts: PayoutRow;
    plans: PlanRow;
    processor_events: ProcessorEventRow;
    refunds: RefundRow;
    saved_queries: SavedQueryRow;
    sessions: SessionRow;
    transactions: TransactionRow;
    users: UserRow;
  }
}

export type { Tables } from 'knex/types/tables';
