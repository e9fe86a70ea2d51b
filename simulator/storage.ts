// The simulator's own storage, a SQLite file apart from the back office's database: what a real
// processor keeps on its side. Its tables are created here when missing (the simulator has no
// migration history to keep; a new column would mean deleting the file).
import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import knex, { type Knex } from 'knex';

export type SimDb = Knex;

export function openStorage(url: string): SimDb {
  const file = url.slice('sqlite:'.length) || ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return knex({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    // One connection: every operation runs in a transaction that SQLite serialises, so the same
    // Idempotency-Key twice at once is simply the second waiting for the first, then a replay.
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: Sqlite.Database, done: (err: Error | null, conn: Sqlite.Database) => void) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('synchronous = NORMAL');
        conn.pragma('busy_timeout = 5000');
        done(null, conn);
      },
    },
  });
}

export async function createTables(db: SimDb): Promise<void> {
  const has = (t: string) => db.schema.hasTable(t);

  // Every object the processor knows, as the JSON record events carry (the back office's fields).
  if (!(await has('sim_objects'))) {
    await db.schema.createTable('sim_objects', (t) => {
      t.string('kind', 20).notNullable();
      t.string('id', 60).notNullable();
      t.string('merchant_id', 60);
      t.string('status', 40);
      t.text('record').notNullable();
      t.string('updated_at', 24).notNullable();
      t.primary(['kind', 'id']);
      t.index(['kind', 'status']);
    });
    // A charge's refunds, found without reading every refund (the refundable-amount check).
    await db.raw("create index sim_objects_refund_payment on sim_objects (json_extract(record, '$.payment_id')) where kind = 'refund'");
  }

  // Settled money not paid out yet, per merchant and currency: what payouts are sized from.
  if (!(await has('sim_balances'))) {
    await db.schema.createTable('sim_balances', (t) => {
      t.string('merchant_id', 60).notNullable();
      t.string('currency', 3).notNullable();
      t.bigInteger('unpaid').notNullable().defaultTo(0);
      t.integer('transaction_count').notNullable().defaultTo(0);
      t.primary(['merchant_id', 'currency']);
    });
  }

  // The record of every request the processor API answered under an Idempotency-Key: the key,
  // what was asked, what it answered, and whether it executed anything.
  if (!(await has('sim_operations'))) {
    await db.schema.createTable('sim_operations', (t) => {
      t.string('idempotency_key', 255).primary();
      t.string('kind', 40).notNullable();
      t.string('object_id', 60);
      t.string('route', 200).notNullable();
      t.string('request_hash', 64).notNullable();
      t.text('request').notNullable();
      t.integer('status_code').notNullable();
      t.text('response').notNullable();
      t.string('outcome', 10).notNullable(); // executed | unchanged | refused
      t.string('request_id', 200);
      t.string('created_at', 24).notNullable();
      t.index(['kind', 'object_id']);
      t.index(['created_at']);
    });
  }

  // Work the processor does later: a capture, a settlement, a refund's or payout's outcome…
  if (!(await has('sim_tasks'))) {
    await db.schema.createTable('sim_tasks', (t) => {
      t.increments('seq');
      t.string('kind', 40).notNullable();
      t.string('object_id', 60).notNullable();
      t.bigInteger('due_at').notNullable();
      t.bigInteger('done_at');
    });
    await db.raw('create index sim_tasks_due on sim_tasks (due_at) where done_at is null');
  }

  // The durable delivery queue of signed events. A duplicate delivery is a second row with the
  // same event id and body.
  if (!(await has('sim_events'))) {
    await db.schema.createTable('sim_events', (t) => {
      t.increments('seq');
      t.string('event_id', 60).notNullable();
      t.string('type', 40).notNullable();
      t.string('object_id', 60).notNullable();
      t.text('body').notNullable();
      t.boolean('duplicate').notNullable().defaultTo(false);
      t.bigInteger('next_attempt_at').notNullable();
      t.integer('attempts').notNullable().defaultTo(0);
      t.bigInteger('delivered_at');
      t.integer('last_status');
      t.string('last_error', 500);
      t.string('created_at', 24).notNullable();
      t.index(['event_id']);
      t.index(['object_id']);
    });
    await db.raw('create index sim_events_due on sim_events (next_attempt_at) where delivered_at is null');
  }

  if (!(await has('sim_meta'))) {
    await db.schema.createTable('sim_meta', (t) => {
      t.string('key', 60).primary();
      t.bigInteger('value').notNullable();
    });
  }
}

/** The next value of a counter kept in storage (payout numbers), inside the caller's transaction. */
export async function nextCounter(trx: Knex, key: string, start: number): Promise<number> {
  const row = await trx('sim_meta').where({ key }).first('value');
  const value = row ? Number(row.value) + 1 : start;
  await trx('sim_meta').insert({ key, value }).onConflict('key').merge();
  return value;
}

/** Raises a counter to at least `value` (so imported payout numbers are never reused). */
export async function raiseCounter(trx: Knex, key: string, value: number): Promise<void> {
  const row = await trx('sim_meta').where({ key }).first('value');
  if (!row || Number(row.value) < value) await trx('sim_meta').insert({ key, value }).onConflict('key').merge();
}
