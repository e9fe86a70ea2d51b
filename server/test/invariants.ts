// The money invariants of docs/money.md as one reusable check: run it after anything that moves
// money. Each returns the list of violations (empty when all hold), so a failing test says which
// balance, payment or payout is wrong and by how much.
import type { Knex } from 'knex';
import { expect } from 'vitest';

const n = (v: unknown) => Number(v ?? 0);

/** available = sum of settled ledger entries and pending = sum of unsettled ones, for every merchant and currency. */
export async function balanceViolations(db: Knex): Promise<string[]> {
  const sums = await db('transactions')
    .select('merchant_id', 'currency')
    .sum({ settled: db.raw("case when settlement_status = 'settled' then amount else 0 end") })
    .sum({ unsettled: db.raw("case when settlement_status = 'unsettled' then amount else 0 end") })
    .groupBy('merchant_id', 'currency') as Array<{ merchant_id: string; currency: string; settled: unknown; unsettled: unknown }>;
  const balances = new Map((await db('balances').select('id', 'merchant_id', 'currency', 'available', 'pending')).map((b) => [b.id, b]));
  const out: string[] = [];
  for (const s of sums) {
    const id = `${s.merchant_id}:${s.currency}`;
    const b = balances.get(id);
    balances.delete(id);
    if (!b) out.push(`${id}: ledger entries but no balance row`);
    else if (n(b.available) !== n(s.settled) || n(b.pending) !== n(s.unsettled)) {
      out.push(`${id}: balance ${n(b.available)}/${n(b.pending)} but ledger ${n(s.settled)}/${n(s.unsettled)} (available/pending)`);
    }
  }
  for (const [id, b] of balances) {
    if (n(b.available) !== 0 || n(b.pending) !== 0) out.push(`${id}: balance ${n(b.available)}/${n(b.pending)} without ledger entries`);
  }
  return out;
}

/**
 * Each payment's (and intent's) amount_refunded = its pending and succeeded refunds ≤ the amount
 * (a pending refund holds its amount); every refund is debited once when made, and a failed one
 * credited back once (docs/money.md).
 */
export async function refundViolations(db: Knex): Promise<string[]> {
  const out: string[] = [];
  const refunded = new Map<string, number>();
  const byIntent = new Map<string, number>();
  for (const r of await db('refunds').whereIn('status', ['pending', 'succeeded']).select('payment_id', 'intent_id', 'amount')) {
    refunded.set(r.payment_id, (refunded.get(r.payment_id) ?? 0) + n(r.amount));
    byIntent.set(r.intent_id, (byIntent.get(r.intent_id) ?? 0) + n(r.amount));
  }
  for (const p of await db('payments').select('id', 'amount', 'amount_refunded')) {
    const sum = refunded.get(p.id) ?? 0;
    if (n(p.amount_refunded) !== sum) out.push(`payment ${p.id}: amount_refunded ${n(p.amount_refunded)} but pending and succeeded refunds sum to ${sum}`);
    if (n(p.amount_refunded) > n(p.amount)) out.push(`payment ${p.id}: refunded ${n(p.amount_refunded)} of ${n(p.amount)}`);
  }
  for (const i of await db('intents').select('id', 'amount_refunded')) {
    const sum = byIntent.get(i.id) ?? 0;
    if (n(i.amount_refunded) !== sum) out.push(`intent ${i.id}: amount_refunded ${n(i.amount_refunded)} but pending and succeeded refunds sum to ${sum}`);
  }
  const entries = await ledgerBySource(db, 'refund');
  for (const r of await db('refunds').select('id', 'amount', 'status')) {
    const e = [...(entries.get(r.id) ?? [])].sort((a, b) => a - b);
    const expected = r.status === 'failed' ? [-n(r.amount), n(r.amount)] : [-n(r.amount)];
    if (JSON.stringify(e) !== JSON.stringify(expected)) out.push(`refund ${r.id} (${r.status}): ledger ${JSON.stringify(e)}, expected ${JSON.stringify(expected)}`);
  }
  return out;
}

/** A payout that left (approved, processing, paid) is debited exactly once; a failed one debited and credited back once; any other, never. */
export async function payoutViolations(db: Knex): Promise<string[]> {
  const entries = await ledgerBySource(db, 'payout');
  const out: string[] = [];
  for (const p of await db('payouts').select('id', 'amount', 'status')) {
    const e = [...(entries.get(p.id) ?? [])].sort((a, b) => a - b);
    const expected = ['approved', 'processing', 'paid'].includes(p.status) ? [-n(p.amount)]
      : p.status === 'failed' ? [-n(p.amount), n(p.amount)] : [];
    if (JSON.stringify(e) !== JSON.stringify(expected)) out.push(`payout ${p.id} (${p.status}): ledger ${JSON.stringify(e)}, expected ${JSON.stringify(expected)}`);
  }
  return out;
}

/** A dispute is debited once when it opens; only a won one is credited back. */
export async function disputeViolations(db: Knex): Promise<string[]> {
  const entries = await ledgerBySource(db, 'dispute');
  const out: string[] = [];
  for (const d of await db('disputes').select('id', 'amount', 'status')) {
    const e = [...(entries.get(d.id) ?? [])].sort((a, b) => a - b);
    const expected = d.status === 'won' ? [-n(d.amount), n(d.amount)] : [-n(d.amount)];
    if (JSON.stringify(e) !== JSON.stringify(expected)) out.push(`dispute ${d.id} (${d.status}): ledger ${JSON.stringify(e)}, expected ${JSON.stringify(expected)}`);
  }
  return out;
}

/**
 * A payment is never refunded and charged back for the same money: amount_refunded + the disputes
 * that are not won ≤ amount, summed from the disputes themselves; and amount_charged_back, which
 * the refund rule reads, equals that sum.
 */
export async function chargebackViolations(db: Knex): Promise<string[]> {
  const notWon = db('disputes').whereNot('status', 'won').groupBy('payment_id').select('payment_id').sum({ held: 'amount' }).as('d');
  const rows = await db('payments as p').leftJoin(notWon, 'd.payment_id', 'p.id')
    .where('p.amount_charged_back', '<>', 0).orWhereNotNull('d.payment_id')
    .select('p.id', 'p.amount', 'p.amount_refunded', 'p.amount_charged_back', 'd.held');
  const out: string[] = [];
  for (const p of rows) {
    const disputed = n(p.held);
    if (n(p.amount_charged_back) !== disputed) out.push(`payment ${p.id}: amount_charged_back ${n(p.amount_charged_back)} but disputes not won sum to ${disputed}`);
    if (n(p.amount_refunded) + disputed > n(p.amount)) {
      out.push(`payment ${p.id}: refunded ${n(p.amount_refunded)} + disputed and not won ${disputed} > amount ${n(p.amount)}`);
    }
  }
  return out;
}

async function ledgerBySource(db: Knex, sourceType: string): Promise<Map<string, number[]>> {
  const map = new Map<string, number[]>();
  const rows = await db('transactions').where('source_type', sourceType).orderBy('id').select('source_id', 'amount');
  for (const t of rows) map.set(t.source_id, [...(map.get(t.source_id) ?? []), n(t.amount)]);
  return map;
}

export async function moneyViolations(db: Knex): Promise<string[]> {
  return [
    ...(await balanceViolations(db)),
    ...(await refundViolations(db)),
    ...(await payoutViolations(db)),
    ...(await disputeViolations(db)),
    ...(await chargebackViolations(db)),
  ];
}

/** Fails the test with every violation listed. */
export async function expectMoneyInvariants(db: Knex): Promise<void> {
  expect(await moneyViolations(db)).toEqual([]);
}
