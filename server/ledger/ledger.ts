// The ledger: the one place money moves. Every movement is a signed entry in `transactions`;
// `balances` is their running sum per merchant and currency (available = settled entries,
// pending = unsettled ones), updated in the same database transaction as the entries.
import type { Knex } from 'knex';
import type { LedgerSourceType, SettlementStatus } from '../../shared/enums.ts';
import { newId } from '../../shared/ids.ts';
import { conflict } from '../errors.ts';

export interface LedgerEntry {
  merchant_id: string;
  currency: string;
  /** Signed, minor units: credits to the merchant positive, debits negative. */
  amount: number;
  source_type: LedgerSourceType;
  source_id: string;
  settlement_status: SettlementStatus;
  description?: string;
  created_at: string;
}

export const balanceId = (merchantId: string, currency: string) => `${merchantId}:${currency}`;

/** Writes entries and moves the balances they touch. Call inside the caller's transaction. */
export async function post(trx: Knex.Transaction, entries: LedgerEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = entries.map((e) => ({
    id: newId('transaction', Date.parse(e.created_at)),
    ...e,
    description: e.description ?? null,
    settled_at: e.settlement_status === 'settled' ? e.created_at : null,
  }));
  await trx('transactions').insert(rows);
  for (const e of entries) {
    const settled = e.settlement_status === 'settled';
    await trx('balances')
      .insert({
        id: balanceId(e.merchant_id, e.currency),
        merchant_id: e.merchant_id,
        currency: e.currency,
        available: settled ? e.amount : 0,
        pending: settled ? 0 : e.amount,
        updated_at: e.created_at,
      })
      .onConflict('id')
      .merge({
        available: trx.raw('balances.available + ?', [settled ? e.amount : 0]),
        pending: trx.raw('balances.pending + ?', [settled ? 0 : e.amount]),
        updated_at: e.created_at,
      });
  }
  return rows.map((r) => r.id);
}

/**
 * Debits the available balance only if it covers the amount — a conditional update, so two
 * racing debits cannot both pass the check — then records the entry. 409 when it does not cover.
 */
export async function debitAvailable(
  trx: Knex.Transaction,
  entry: Omit<LedgerEntry, 'amount' | 'settlement_status'> & { amount: number },
): Promise<string> {
  if (entry.amount <= 0) throw new Error('debitAvailable takes a positive amount');
  const id = balanceId(entry.merchant_id, entry.currency);
  const updated = await trx('balances')
    .where('id', id)
    .andWhere('available', '>=', entry.amount)
    .update({ available: trx.raw('available - ?', [entry.amount]), updated_at: entry.created_at });
  if (updated !== 1) throw conflict('The merchant\u2019s available balance does not cover this amount');
  const txnId = newId('transaction', Date.parse(entry.created_at));
  await trx('transactions').insert({
    id: txnId,
    ...entry,
    amount: -entry.amount,
    settlement_status: 'settled',
    description: entry.description ?? null,
    settled_at: entry.created_at,
  });
  return txnId;
}

/** Recomputes every balance from the ledger (after bulk loads; also the balance invariant's oracle, docs/money.md). */
export async function rebuildBalances(trx: Knex | Knex.Transaction, at: string): Promise<void> {
  await trx('balances').delete();
  await trx.raw(
    `insert into balances (id, merchant_id, currency, available, pending, updated_at)
     select merchant_id || ':' || currency, merchant_id, currency,
            coalesce(sum(case when settlement_status = 'settled' then amount else 0 end), 0),
            coalesce(sum(case when settlement_status = 'unsettled' then amount else 0 end), 0),
            ?
     from transactions group by merchant_id, currency`,
    [at],
  );
}

/**
 * Settles the unsettled entries of a source (a payment's `payment` and `fee` entries): each moves
 * from `pending` to `available` on its balance, in the caller's transaction. The entries are
 * switched by a conditional update, so settling twice moves nothing the second time. Returns how
 * many entries settled.
 */
export async function settleEntries(trx: Knex.Transaction, sourceId: string, at: string): Promise<number> {
  const entries = await trx('transactions').where({ source_id: sourceId, settlement_status: 'unsettled' })
    .select('id', 'merchant_id', 'currency', 'amount');
  let settled = 0;
  for (const e of entries) {
    const moved = await trx('transactions').where({ id: e.id, settlement_status: 'unsettled' })
      .update({ settlement_status: 'settled', settled_at: at });
    if (moved !== 1) continue;
    settled++;
    await trx('balances').where('id', balanceId(e.merchant_id, e.currency)).update({
      available: trx.raw('available + ?', [Number(e.amount)]),
      pending: trx.raw('pending - ?', [Number(e.amount)]),
      updated_at: at,
    });
  }
  return settled;
}
