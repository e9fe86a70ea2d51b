// The demo seed: deterministic, realistic in shape, and the money invariants (docs/money.md) hold over it.
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_STATUSES, PAYOUT_STATUSES } from '../../shared/enums.ts';
import { DECLINE_CODES } from '../../shared/declineCodes.ts';
import { ANCHOR, createTestDb, ENGINES, TEST_COST, type TestDb } from '../test/harness.ts';
import { seedDemo } from './seedDemo.ts';

const TABLES = ['plans', 'merchants', 'intents', 'payments', 'refunds', 'disputes', 'payouts', 'transactions', 'balances'];

async function snapshot(t: TestDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    out[table] = (await t.db(table).orderBy('id')).map((r) => ({ ...r }));
  }
  out.users = await t.db('users').orderBy('id').select('id', 'email', 'role', 'created_at');
  return out;
}

const seed = (t: TestDb, payments = 3000, seedValue = 7) =>
  seedDemo(t.db, { payments, seed: seedValue, anchor: ANCHOR, demoUsers: true, passwordCost: TEST_COST });

describe('seed determinism', () => {
  const dbs: TestDb[] = [];
  afterAll(() => Promise.all(dbs.map((d) => d.drop())));

  it('gives the same rows for the same options, and different rows for another seed', async () => {
    const [a, b, c] = await Promise.all([createTestDb('sqlite'), createTestDb('sqlite'), createTestDb('sqlite')]);
    dbs.push(a, b, c);
    await seed(a);
    await seed(b);
    await seed(c, 3000, 8);
    const [sa, sb, sc] = await Promise.all([snapshot(a), snapshot(b), snapshot(c)]);
    expect(sa).toEqual(sb);
    expect(sa.payments).not.toEqual(sc.payments);
  });

  it.runIf(ENGINES.includes('pg'))('gives the same rows on PostgreSQL as on SQLite', async () => {
    const [s, p] = await Promise.all([createTestDb('sqlite'), createTestDb('pg')]);
    dbs.push(s, p);
    await seed(s, 1500);
    await seed(p, 1500);
    const [ss, sp] = await Promise.all([snapshot(s), snapshot(p)]);
    const normalise = (snap: Record<string, unknown[]>) =>
      JSON.parse(JSON.stringify(snap, (_k, v) => (typeof v === 'boolean' ? Number(v) : v)));
    expect(normalise(sp)).toEqual(normalise(ss));
  });
});

describe.each(ENGINES)('seeded data on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await seed(t, 4000);
  });
  afterAll(() => t.drop());

  it('has the requested number of payments, each with its intent', async () => {
    const [{ n }] = await t.db('payments').count({ n: '*' });
    expect(Number(n)).toBe(4000);
    const orphans = await t.db('payments as p').leftJoin('intents as i', 'i.id', 'p.intent_id').whereNull('i.id').count({ n: '*' });
    expect(Number(orphans[0].n)).toBe(0);
  });

  it('keeps every balance equal to its ledger (available = settled, pending = unsettled)', async () => {
    const sums = await t.db('transactions')
      .select('merchant_id', 'currency')
      .sum({ settled: t.db.raw("case when settlement_status = 'settled' then amount else 0 end") })
      .sum({ unsettled: t.db.raw("case when settlement_status = 'unsettled' then amount else 0 end") })
      .groupBy('merchant_id', 'currency') as Array<{ merchant_id: string; currency: string; settled: unknown; unsettled: unknown }>;
    const balances = await t.db('balances');
    expect(balances.length).toBe(sums.length);
    for (const s of sums) {
      const b = balances.find((x) => x.merchant_id === s.merchant_id && x.currency === s.currency)!;
      expect(b.id).toBe(`${s.merchant_id}:${s.currency}`);
      expect(Number(b.available)).toBe(Number(s.settled));
      expect(Number(b.pending)).toBe(Number(s.unsettled));
    }
  });

  it('keeps each payment\u2019s amount_refunded equal to its pending and succeeded refunds and within the amount', async () => {
    const payments = await t.db('payments').select('id', 'amount', 'amount_refunded', 'status');
    const refunds = await t.db('refunds').whereIn('status', ['pending', 'succeeded']).select('payment_id', 'amount');
    const byPayment = new Map<string, number>();
    for (const r of refunds) byPayment.set(r.payment_id, (byPayment.get(r.payment_id) ?? 0) + Number(r.amount));
    for (const p of payments) {
      expect(Number(p.amount_refunded)).toBe(byPayment.get(p.id) ?? 0);
      expect(Number(p.amount_refunded)).toBeLessThanOrEqual(Number(p.amount));
      if (Number(p.amount_refunded) > 0) expect(p.status).toBe('captured');
    }
  });

  it('records a ledger entry for every captured payment, fee, refund (two for a failed one) and dispute', async () => {
    const count = async (q: Knex.QueryBuilder) => Number((await q.count({ n: '*' }))[0].n);
    expect(await count(t.db('transactions').where('source_type', 'payment'))).toBe(await count(t.db('payments').where('status', 'captured')));
    expect(await count(t.db('transactions').where('source_type', 'refund').where('amount', '<', 0))).toBe(await count(t.db('refunds')));
    expect(await count(t.db('transactions').where('source_type', 'refund').where('amount', '>', 0))).toBe(await count(t.db('refunds').where('status', 'failed')));
    expect(await count(t.db('transactions').where('source_type', 'dispute').where('amount', '<', 0))).toBe(await count(t.db('disputes')));
    expect(await count(t.db('transactions').where('source_type', 'dispute').where('amount', '>', 0))).toBe(await count(t.db('disputes').where('status', 'won')));
  });

  it('uses the processor decline codes for failed payments', async () => {
    const failed = await t.db('payments').where('status', 'failed').select('decline_code', 'decline_reason');
    expect(failed.length).toBeGreaterThan(100);
    for (const f of failed) expect(DECLINE_CODES[f.decline_code!]).toBe(f.decline_reason);
  });

  it('has disputes and payouts in every status, several payouts pending, and due dates around the anchor', async () => {
    const disputeStatuses = (await t.db('disputes').distinct('status')).map((r) => r.status).sort();
    expect(disputeStatuses).toEqual([...DISPUTE_STATUSES].sort());
    const payoutStatuses = (await t.db('payouts').distinct('status')).map((r) => r.status).sort();
    expect(payoutStatuses).toEqual([...PAYOUT_STATUSES].sort());
    const pending = await t.db('payouts').where('status', 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(5);
    const due = await t.db('disputes').where('status', 'needs_response').select('response_due_date');
    const anchor = ANCHOR.toISOString().slice(0, 10);
    expect(due.some((d) => d.response_due_date >= anchor)).toBe(true);
  });

  it('has most pending payouts covered by the available balance', async () => {
    const rows = await t.db('payouts as p')
      .join('balances as b', function () {
        this.on('b.merchant_id', 'p.merchant_id').andOn('b.currency', 'p.currency');
      })
      .where('p.status', 'pending')
      .select('p.amount', 'b.available');
    const covered = rows.filter((r) => Number(r.available) >= Number(r.amount)).length;
    expect(covered / rows.length).toBeGreaterThan(0.7);
    expect(covered).toBeLessThan(rows.length); // and at least one that is not, to see the 409
  });

  it('charges each captured payment the fee its merchant\u2019s plan implies', async () => {
    const { computeFee } = await import('../../shared/fees.ts');
    const rows = await t.db('payments as p')
      .join('merchants as m', 'm.id', 'p.merchant_id')
      .join('plans as pl', 'pl.id', 'm.plan_id')
      .where('p.status', 'captured')
      .limit(200)
      .select('p.amount', 'p.currency', 'p.card_brand', 'p.fee_amount', 'p.net_amount', 'pl.plan_type', 'pl.percent_bps', 'pl.fixed_fee', 'pl.currency as plan_currency');
    for (const r of rows) {
      const fee = computeFee({ plan_type: r.plan_type, percent_bps: r.percent_bps, fixed_fee: Number(r.fixed_fee), currency: r.plan_currency }, { amount: Number(r.amount), currency: r.currency, card_brand: r.card_brand });
      expect(Number(r.fee_amount)).toBe(fee);
      expect(Number(r.net_amount)).toBe(Number(r.amount) - fee);
    }
  });
});
