// The outbox (docs/processor.md, "Actions out: the outbox"): what the back office asks the
// processor to do, written in the same transaction as the user's action and delivered by a worker
// in every server process. One row per request; its id is the processor's Idempotency-Key.
//
// Indexes: (status, next_attempt_at) is the claim — "pending rows that are due", oldest due first;
// (created_at, id) and (status, created_at, id) serve the admin list in its default order, all or
// by status; (object_id, created_at) finds the deliveries of one refund, payout or dispute.
import type { Knex } from 'knex';
import { OUTBOX_STATUSES } from '../shared/enums.ts';

const ID = 40;
const TS = 24;
const isPg = (knex: Knex) => String(knex.client.config.client).startsWith('p');

/** Text columns and their types, for PostgreSQL's byte order (see 20261123_06). */
const TEXT_COLUMNS: Array<[string, string]> = [
  ['id', `varchar(${ID})`], ['kind', 'varchar(40)'], ['object_id', `varchar(${ID})`], ['payload', 'text'],
  ['status', 'text'], ['next_attempt_at', `varchar(${TS})`], ['leased_until', `varchar(${TS})`],
  ['last_error', 'varchar(1000)'], ['request_id', 'varchar(128)'], ['created_at', `varchar(${TS})`],
  ['delivered_at', `varchar(${TS})`],
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox', (t) => {
    t.string('id', ID).primary();
    t.string('kind', 40).notNullable();
    t.string('object_id', ID).notNullable();
    t.text('payload').notNullable();
    t.enu('status', OUTBOX_STATUSES).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('next_attempt_at', TS).notNullable();
    t.string('leased_until', TS);
    t.string('last_error', 1000);
    t.string('request_id', 128);
    t.string('created_at', TS).notNullable();
    t.string('delivered_at', TS);
    t.index(['status', 'next_attempt_at']);
    t.index(['created_at', 'id']);
    t.index(['status', 'created_at', 'id']);
    t.index(['object_id', 'created_at']);
  });
  if (isPg(knex)) {
    for (const [column, type] of TEXT_COLUMNS) {
      await knex.raw(`alter table outbox alter column ?? type ${type} collate "C"`, [column]);
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('outbox');
}
