// The whole first schema. Times are fixed-width ISO-8601 UTC strings ("2026-11-21T14:15:22.000Z")
// on both engines: they sort and compare as text, bucket by substring identically in SQLite and
// PostgreSQL, and leave the JSON exactly as stored. Money is bigint minor units.
import type { Knex } from 'knex';
import {
  CAPTURE_METHODS, DISPUTE_STATUSES, ENTRY_MODES, INTENT_STATUSES, LEDGER_SOURCE_TYPES,
  MERCHANT_STATUSES, PAYMENT_STATUSES, PAYOUT_STATUSES, PLAN_TYPES, REFUND_REASONS,
  REFUND_STATUSES, ROLES, SETTLEMENT_STATUSES,
} from '../shared/enums.ts';

const ID = 40;
const TS = 24;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.string('id', ID).primary();
    t.string('email', 254).notNullable().unique();
    t.string('name', 200).notNullable();
    t.enu('role', ROLES).notNullable();
    t.string('password_hash', 300).notNullable();
    t.boolean('disabled').notNullable().defaultTo(false);
    t.string('created_at', TS).notNullable();
    t.string('last_login_at', TS);
    t.index(['created_at', 'id']);
  });

  await knex.schema.createTable('sessions', (t) => {
    t.string('id', 64).primary(); // sha256 of the cookie token: a leaked table grants nothing
    t.string('user_id', ID).notNullable().references('users.id');
    t.string('created_at', TS).notNullable();
    t.string('last_seen_at', TS).notNullable();
    t.string('ip', 64);
    t.index(['user_id']);
  });

  await knex.schema.createTable('login_failures', (t) => {
    t.string('key', 300).primary(); // "ip:1.2.3.4" or "email:a@b.c"
    t.integer('count').notNullable();
    t.string('window_start', TS).notNullable();
  });

  await knex.schema.createTable('plans', (t) => {
    t.string('id', ID).primary();
    t.string('name', 200).notNullable();
    t.enu('plan_type', PLAN_TYPES).notNullable();
    t.integer('percent_bps').notNullable();
    t.bigInteger('fixed_fee').notNullable();
    t.string('currency', 3).notNullable();
    t.string('created_at', TS).notNullable();
    t.index(['created_at', 'id']);
  });

  await knex.schema.createTable('merchants', (t) => {
    t.string('id', ID).primary();
    t.string('name', 200).notNullable();
    t.string('email', 254).notNullable();
    t.string('country', 2).notNullable();
    t.string('default_currency', 3).notNullable();
    t.enu('status', MERCHANT_STATUSES).notNullable();
    t.string('plan_id', ID).notNullable().references('plans.id');
    t.string('created_at', TS).notNullable();
    t.string('updated_at', TS).notNullable();
    t.index(['created_at', 'id']);
    t.index(['status', 'created_at', 'id']);
    t.index(['plan_id', 'created_at', 'id']);
  });

  await knex.schema.createTable('intents', (t) => {
    t.string('id', ID).primary();
    t.string('merchant_id', ID).notNullable().references('merchants.id');
    t.bigInteger('amount').notNullable();
    t.string('currency', 3).notNullable();
    t.enu('status', INTENT_STATUSES).notNullable();
    t.enu('capture_method', CAPTURE_METHODS).notNullable();
    t.bigInteger('amount_captured').notNullable().defaultTo(0);
    t.bigInteger('amount_refunded').notNullable().defaultTo(0);
    t.bigInteger('amount_disputed').notNullable().defaultTo(0);
    t.string('reference_id', 100);
    t.string('description', 500);
    t.string('customer_email', 254);
    t.string('cancellation_reason', 100);
    t.string('created_at', TS).notNullable();
    t.string('updated_at', TS).notNullable();
    t.index(['created_at', 'id']);
    t.index(['merchant_id', 'created_at', 'id']);
    t.index(['status', 'created_at', 'id']);
    t.index(['currency', 'created_at', 'id']);
    t.index(['capture_method', 'created_at', 'id']);
    t.index(['amount', 'id']);
    t.index(['status', 'id']);
    t.index(['reference_id']);
    t.index(['customer_email']);
  });

  await knex.schema.createTable('payments', (t) => {
    t.string('id', ID).primary();
    t.string('intent_id', ID).notNullable().references('intents.id');
    t.string('merchant_id', ID).notNullable().references('merchants.id');
    t.bigInteger('amount').notNullable();
    t.string('currency', 3).notNullable();
    t.enu('status', PAYMENT_STATUSES).notNullable();
    t.enu('entry_mode', ENTRY_MODES).notNullable();
    t.string('card_brand', 20).notNullable();
    t.string('card_last4', 4).notNullable();
    t.bigInteger('fee_amount').notNullable().defaultTo(0);
    t.bigInteger('net_amount').notNullable().defaultTo(0);
    t.bigInteger('amount_refunded').notNullable().defaultTo(0);
    t.string('decline_code', 10);
    t.string('decline_reason', 200);
    t.string('auth_code', 12);
    t.enu('settlement_status', SETTLEMENT_STATUSES).notNullable();
    t.string('settled_at', TS);
    t.string('captured_at', TS);
    // Copied from the intent so `q` by email or reference is one indexed lookup, not a join.
    t.string('customer_email', 254);
    t.string('reference_id', 100);
    t.string('created_at', TS).notNullable();
    t.string('updated_at', TS).notNullable();
    t.index(['created_at', 'id']);
    t.index(['merchant_id', 'created_at', 'id']);
    t.index(['status', 'created_at', 'id']);
    t.index(['currency', 'created_at', 'id']);
    t.index(['entry_mode', 'created_at', 'id']);
    t.index(['card_brand', 'created_at', 'id']);
    t.index(['settlement_status', 'created_at', 'id']);
    t.index(['decline_code', 'created_at', 'id']);
    t.index(['intent_id']);
    t.index(['amount', 'id']);
    t.index(['status', 'id']);
    t.index(['fee_amount', 'id']);
    t.index(['card_last4', 'created_at', 'id']);
    t.index(['customer_email']);
    t.index(['reference_id']);
  });

  await knex.schema.createTable('refunds', (t) => {
    t.string('id', ID).primary();
    t.string('payment_id', ID).notNullable().references('payments.id');
    t.string('intent_id', ID).notNullable().references('intents.id');
    t.string('merchant_id', ID).notNullable().references('merchants.id');
    t.bigInteger('amount').notNullable();
    t.string('currency', 3).notNullable();
    t.enu('reason', REFUND_REASONS).notNullable();
    t.enu('status', REFUND_STATUSES).notNullable();
    t.string('note', 1000);
    t.string('created_by', ID);
    t.string('created_at', TS).notNullable();
    t.index(['created_at', 'id']);
    t.index(['payment_id', 'created_at', 'id']);
    t.index(['merchant_id', 'created_at', 'id']);
    t.index(['status', 'created_at', 'id']);
    t.index(['reason', 'created_at', 'id']);
    t.index(['intent_id']);
    t.index(['amount', 'id']);
  });

  await knex.schema.createTable('disputes', (t) => {
    t.string('id', ID).primary();
    t.string('payment_id', ID).notNullable().references('payments.id');
    t.string('merchant_id', ID).notNullable().references('merchants.id');
    t.bigInteger('amount').notNullable();
    t.string('currency', 3).notNullable();
    t.enu('status', DISPUTE_STATUSES).notNullable();
    t.string('reason_code', 10).notNullable();
    t.string('reason', 200).notNullable();
    t.string('dispute_date', 10).notNullable();
    t.string('response_due_date', 10).notNullable();
    t.string('closed_date', 10);
    t.string('assignee_id', ID).references('users.id');
    t.text('response_text');
    t.string('submitted_at', TS);
    t.string('created_at', TS).notNullable();
    t.string('updated_at', TS).notNullable();
    t.index(['created_at', 'id']);
    t.index(['status', 'response_due_date', 'id']);
    t.index(['assignee_id', 'response_due_date', 'id']);
    t.index(['merchant_id', 'created_at', 'id']);
    t.index(['payment_id']);
    t.index(['response_due_date', 'id']);
  });

  await knex.schema.createTable('dispute_notes', (t) => {
    t.string('id', ID).primary();
    t.string('dispute_id', ID).notNullable().references('disputes.id');
    t.string('author_id', ID).notNullable().references('users.id');
    t.text('body').notNullable();
    t.string('created_at', TS).notNullable();
    t.index(['dispute_id', 'created_at', 'id']);
  });

  await knex.schema.createTable('dispute_attachments', (t) => {
    t.string('id', ID).primary();
    t.string('dispute_id', ID).notNullable().references('disputes.id');
    t.string('filename', 255).notNullable();
    t.string('content_type', 100).notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('uploaded_by', ID).notNullable().references('users.id');
    // In the database so every instance can serve every file (no shared disk needed).
    t.binary('content').notNullable();
    t.string('created_at', TS).notNullable();
    t.index(['dispute_id', 'created_at', 'id']);
  });

  await knex.schema.createTable('payouts', (t) => {
    t.string('id', ID).primary();
    t.string('merchant_id', ID).notNullable().references('merchants.id');
    t.integer('payout_number').notNullable().unique();
    t.bigInteger('amount').notNullable();
    t.bigInteger('fee_amount').notNullable();
    t.bigInteger('net_amount').notNullable();
    t.string('currency', 3).notNullable();
    t.enu('status', PAYOUT_STATUSES).notNullable();
    t.integer('transaction_count').notNullable().defaultTo(0);
    t.text('approvals').notNullable().defaultTo('[]'); // JSON [{user_id, at}]
    t.string('decided_by', ID).references('users.id');
    t.string('decided_at', TS);
    t.string('decline_reason', 500);
    t.string('created_at', TS).notNullable();
    t.string('updated_at', TS).notNullable();
    t.index(['created_at', 'id']);
    t.index(['status', 'created_at', 'id']);
    t.index(['merchant_id', 'created_at', 'id']);
    t.index(['amount', 'id']);
  });

  await knex.schema.createTable('transactions', (t) => {
    t.string('id', ID).primary();
    t.string('merchant_id', ID).notNullable().references('merchants.id');
    t.string('currency', 3).notNullable();
    t.bigInteger('amount').notNullable();
    t.enu('source_type', LEDGER_SOURCE_TYPES).notNullable();
    t.string('source_id', ID).notNullable();
    t.enu('settlement_status', SETTLEMENT_STATUSES).notNullable();
    t.string('description', 200);
    t.string('settled_at', TS);
    t.string('created_at', TS).notNullable();
    t.index(['created_at', 'id']);
    t.index(['merchant_id', 'currency', 'settlement_status']);
    t.index(['merchant_id', 'created_at', 'id']);
    t.index(['source_type', 'created_at', 'id']);
    t.index(['source_id']);
    t.index(['amount', 'id']);
  });

  await knex.schema.createTable('balances', (t) => {
    t.string('id', 60).primary(); // "<merchant_id>:<currency>"
    t.string('merchant_id', ID).notNullable().references('merchants.id');
    t.string('currency', 3).notNullable();
    t.bigInteger('available').notNullable().defaultTo(0);
    t.bigInteger('pending').notNullable().defaultTo(0);
    t.string('updated_at', TS).notNullable();
    t.unique(['merchant_id', 'currency']);
  });

  await knex.schema.createTable('audit', (t) => {
    t.string('id', ID).primary();
    t.string('actor_id', ID);
    t.string('action', 60).notNullable();
    t.string('entity', 40).notNullable();
    t.string('entity_id', ID);
    t.text('detail');
    t.string('ip', 64);
    t.string('created_at', TS).notNullable();
    t.index(['created_at', 'id']);
    t.index(['actor_id', 'created_at', 'id']);
    t.index(['action', 'created_at', 'id']);
    t.index(['entity', 'created_at', 'id']);
    t.index(['entity_id']);
  });

  await knex.schema.createTable('idempotency_keys', (t) => {
    t.string('user_id', ID).notNullable();
    t.string('route', 200).notNullable();
    t.string('key', 255).notNullable();
    t.string('request_hash', 64).notNullable();
    t.integer('response_status');
    t.text('response_body');
    t.string('created_at', TS).notNullable();
    t.primary(['user_id', 'route', 'key']);
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'idempotency_keys', 'audit', 'balances', 'transactions', 'payouts', 'dispute_attachments',
    'dispute_notes', 'disputes', 'refunds', 'payments', 'intents', 'merchants', 'plans',
    'login_failures', 'sessions', 'users',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
