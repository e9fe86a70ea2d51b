// Knex migration source listing the migrations in order. Static imports (rather than knex
// scanning a folder) let the same migrations run under tsx, vitest and a bundled build.
import type { Knex } from 'knex';
import * as initialSchema from './20261122_01_initial_schema.ts';
import * as auditAppendOnly from './20261123_01_audit_append_only.ts';
import * as statsDailyTotals from './20261123_02_stats_daily_totals.ts';
import * as listIndexes from './20261123_05_list_indexes.ts';
import * as pgTextByteOrder from './20261123_06_pg_text_byte_order.ts';
import * as paymentsAmountChargedBack from './20261130_41_payments_amount_charged_back.ts';
import * as paymentDisplayStatus from './20261130_71_payment_display_status.ts';
import * as processorEvents from './20261201_10_processor_events.ts';
import * as outbox from './20261201_20_outbox.ts';
import * as adminGrants from './20261201_40_admin_grants.ts';
import * as auditNoReplace from './20261201_42_audit_no_replace.ts';
import * as savedQueries from './20261201_60_saved_queries.ts';
import * as paymentsAuthCode from './20261201_61_payments_auth_code.ts';

const migrations: Record<string, Knex.Migration> = {
  '20261122_01_initial_schema': initialSchema,
  '20261123_01_audit_append_only': auditAppendOnly,
  '20261123_02_stats_daily_totals': statsDailyTotals,
  '20261123_05_list_indexes': listIndexes,
  '20261123_06_pg_text_byte_order': pgTextByteOrder,
  '20261130_41_payments_amount_charged_back': paymentsAmountChargedBack,
  '20261130_71_payment_display_status': paymentDisplayStatus,
  '20261201_10_processor_events': processorEvents,
  '20261201_20_outbox': outbox,
  '20261201_40_admin_grants': adminGrants,
  '20261201_42_audit_no_replace': auditNoReplace,
  '20261201_60_saved_queries': savedQueries,
  '20261201_61_payments_auth_code': paymentsAuthCode,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};
