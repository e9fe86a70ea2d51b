// What an XLSX list export adds for the people who open it (docs/stats-api.md, "XLSX"): money
// columns in major units of the row's currency, times as dates, and each merchant's name beside
// its id. CSV and JSON stay as the API returns records (minor units, ids): they are for machines.
import type { Db } from '../db/connect.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import type { ApiRecord } from '../list/listQuery.ts';
import type { XlsxColumn } from './xlsx.ts';

/** Columns holding signed minor units of the row's `currency`, in any resource. */
export const MONEY_COLUMNS = new Set([
  'amount', 'fee_amount', 'net_amount', 'amount_refunded', 'amount_charged_back', 'amount_captured',
  'amount_disputed', 'available', 'pending', 'fixed_fee',
]);

const WIDTHS: Record<string, number> = { merchant_name: 28, name: 28, email: 28, customer_email: 28, description: 32 };

export function peopleColumns(def: ResourceDefinition): XlsxColumn[] {
  const out: XlsxColumn[] = [];
  for (const key of def.columns) {
    const kind = MONEY_COLUMNS.has(key) ? 'money' : key.endsWith('_at') ? 'time' : 'value';
    out.push({ key, kind, width: key === 'id' || key.endsWith('_id') ? 32 : WIDTHS[key] });
    if (key === 'merchant_id') out.push({ key: 'merchant_name', kind: 'value', width: WIDTHS.merchant_name });
  }
  return out;
}

/** The records with `merchant_name` beside `merchant_id`, names read once per merchant. */
export async function* withMerchantNames(db: Db, batches: AsyncIterable<ApiRecord[]>): AsyncGenerator<ApiRecord[]> {
  const names = new Map<string, string | null>();
  for await (const batch of batches) {
    const missing = [...new Set(batch.map((r) => r.merchant_id).filter((id): id is string => typeof id === 'string' && !names.has(id)))];
    if (missing.length) {
      for (const id of missing) names.set(id, null);
      for (const m of await db('merchants').whereIn('id', missing).select('id', 'name')) names.set(m.id, m.name);
    }
    yield batch.map((r) => (r.merchant_id === undefined ? r : { ...r, merchant_name: (typeof r.merchant_id === 'string' ? names.get(r.merchant_id) : undefined) ?? null }));
  }
}
