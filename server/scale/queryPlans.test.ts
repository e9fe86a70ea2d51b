// Every list shape of docs/scaling.md's targets (first page, each filter, each range, each sort, each kind of
// `q`, page 400) on the tables that grow with payments is served by an index on both engines:
// no full table scan, no sort of every matching row where an index could give the order, and
// every filter (and its capped total) searched through an index. The shapes come from the
// resource definitions (server/scale/listShapes.ts), so a field added later is checked too.
//
// The tables here are small, so what is checked is the plan, not the time (npm run bench times
// them on a million payments). SQLite gets no planner statistics: without them it assumes every
// table holds about a million rows, closer to the scale that matters. PostgreSQL is analysed once
// the tables are padded, as autovacuum would in production (and is kept from doing it mid-test):
// without statistics it guesses 200 rows per value and can prefer sorting the ties of a wider
// index to an index that gives the order — a guess that flipped with a few hundred more ledger
// rows in the seed. Its sequential scans are priced out (see explainShape): on small tables they
// are the right choice and would hide a missing index.
//
// disputes and payouts are left out: a million payments bring a few thousand of each, which any
// plan reads in a millisecond; merchants, plans, users and balances are smaller still.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../audit/audit.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { audit } from '../resources/audit/definition.ts';
import { intents } from '../resources/intents/definition.ts';
import { payments } from '../resources/payments/definition.ts';
import { refunds } from '../resources/refunds/definition.ts';
import { transactions } from '../resources/transactions/definition.ts';
import { seedDemo } from '../seed/seedDemo.ts';
import { ANCHOR, createTestDb, ENGINES, TEST_COST, type TestDb } from '../test/harness.ts';
import { listShapes, sampleRows } from './listShapes.ts';
import { explainShape, planProblems } from './queryPlan.ts';

const BIG: ResourceDefinition[] = [payments, intents, transactions, refunds, audit];
/**
 * Tables are padded to this many rows with copies of their own rows (new ids, same values):
 * on a table of a hundred rows reading a whole small index is cheaper than 25 primary-key
 * probes, and PostgreSQL rightly says so, which is not what a million rows look like.
 */
const MIN_ROWS = 6000;

async function padTo(t: TestDb, table: string, min: number) {
  const [{ n }] = await t.db(table).count({ n: '*' });
  const columns = Object.keys((await t.db(table).first()) ?? {});
  if (!columns.length) return;
  const list = columns.map((c) => `"${c}"`).join(', ');
  const copied = columns.map((c) => (c === 'id' ? `id || ?` : `"${c}"`)).join(', ');
  for (let round = 1, rows = Number(n); rows < min; round++, rows *= 2) {
    await t.db.raw(`insert into "${table}" (${list}) select ${copied} from "${table}" where id not like ?`, [`c${round}`, '%c_']);
  }
}

describe.each(ENGINES)('list query plans on %s', (engine) => {
  let t: TestDb;
  const samples = new Map<string, Array<Record<string, unknown>>>();

  beforeAll(async () => {
    t = await createTestDb(engine);
    if (engine === 'pg') {
      const { rows } = await t.db.raw(`select tablename from pg_tables where schemaname = current_schema()`);
      for (const { tablename } of rows) await t.db.raw(`alter table ?? set (autovacuum_enabled = false)`, [tablename]);
    }
    await seedDemo(t.db, { payments: 3000, anchor: ANCHOR, demoUsers: true, passwordCost: TEST_COST });
    const users = await t.db('users').select('id');
    for (let i = 0; i < 100; i++) {
      await writeAudit(t.db, {
        actorId: users[i % users.length].id, action: (['login.succeeded', 'refund.created', 'payout.approved'] as const)[i % 3],
        entity: (['users', 'refunds', 'payouts'] as const)[i % 3], entityId: `re_${String(i).padStart(26, '0')}`,
        at: new Date(ANCHOR.getTime() - i * 60_000).toISOString(),
      });
    }
    // Samples before padding: the copies would make every value look repeated.
    for (const def of BIG) samples.set(def.name, (await sampleRows(t.db, def)).sample);
    for (const def of BIG) await padTo(t, def.table, MIN_ROWS);
    if (engine === 'pg') await t.db.raw('analyze'); // see the top of this file
  });
  afterAll(() => t.drop());

  it.each(BIG.map((def) => [def.name, def] as const))('%s: every list shape is served by an index', async (_name, def) => {
    const sample = samples.get(def.name)!;
    const shapes = listShapes(def, sample, (await sampleRows(t.db, def)).rows);
    // A field whose values barely repeat (a handful of rows per value): sorting the ties an
    // index on it leaves costs nothing.
    const nearlyUnique = (field: string) => {
      const column = def.fields[field]?.column ?? field;
      const values = sample.map((r) => r[column]);
      return values.length <= 5 * new Set(values).size;
    };
    const problems: string[] = [];
    for (const shape of shapes) {
      const plans = await explainShape(t.db, def, shape);
      for (const p of planProblems(def, shape, plans, nearlyUnique)) problems.push(`${shape.name}: ${p}`);
    }
    expect(shapes.length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });
});
