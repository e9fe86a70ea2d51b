// processor_events: every signed event the processor sent, stored before it is applied
// (docs/processor.md, "Storage first"). The id is the processor's event id, so the same event
// delivered twice is one row; `status` moves received → applied | parked | failed by conditional
// updates, in the transaction of the event's effect.
import type { Knex } from 'knex';
import { PROCESSOR_EVENT_STATUSES } from '../shared/enums.ts';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('processor_events', (t) => {
    t.string('id', 60).primary();
    t.string('type', 60).notNullable();
    t.string('object_id', 60);
    t.enu('status', PROCESSOR_EVENT_STATUSES).notNullable();
    // The id of the object a parked event waits for (a payment, an intent, a dispute, …).
    t.string('waiting_for', 60);
    t.text('error');
    // The body exactly as received (its signature covered these bytes).
    t.text('payload').notNullable();
    t.string('received_at', 24).notNullable();
    t.string('applied_at', 24);
    t.integer('attempts').notNullable().defaultTo(0);
    // The admin list: newest first, by status or not; parked events by what they wait for.
    t.index(['received_at', 'id']);
    t.index(['status', 'received_at', 'id']);
    t.index(['type', 'received_at', 'id']);
    t.index(['object_id']);
    t.index(['waiting_for']);
  });
  // Byte order on PostgreSQL, like every text column (20261123_06).
  if (knex.client.config.client === 'pg') {
    for (const [column, type] of Object.entries(PG_TEXT)) {
      await knex.raw(`alter table processor_events alter column ?? type ${type} collate "C"`, [column]);
    }
  }
}

const PG_TEXT = {
  id: 'varchar(60)', type: 'varchar(60)', object_id: 'varchar(60)', status: 'text', waiting_for: 'varchar(60)',
  error: 'text', payload: 'text', received_at: 'varchar(24)', applied_at: 'varchar(24)',
};

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('processor_events');
}
