// What the Reports page shows of the reconciliation report: its first rows, how many rows it has
// and the totals per currency. The whole range is read (a day per query, as the download reads
// it) but only the first PREVIEW_ROWS rows and the sums are kept, so the answer stays small. It is
// a read like a list page, not a bulk download: it takes no export slot and leaves no audit row
// — opening the page and then downloading must not count as two exports (only the download is).
import type { ReconciliationPreview, ReconciliationRow, ReconciliationTotal } from '../../shared/api/stats.ts';
import type { Db } from '../db/connect.ts';
import { MONEY_COLUMNS, reconciliationBatches, type ReconciliationFilter } from './reconciliation.ts';

export const PREVIEW_ROWS = 200;

const SUMMED = ['payment_count', ...MONEY_COLUMNS] as const;

export async function reconciliationPreview(db: Db, f: ReconciliationFilter, limit = PREVIEW_ROWS): Promise<ReconciliationPreview> {
  const rows: ReconciliationRow[] = [];
  const totals = new Map<string, ReconciliationTotal>();
  let total = 0;
  for await (const batch of reconciliationBatches(db, f)) {
    for (const r of batch) {
      total += 1;
      if (rows.length < limit) rows.push(r);
      let t = totals.get(r.currency) as Record<string, number | string> | undefined;
      if (!t) {
        t = { currency: r.currency, ...Object.fromEntries(SUMMED.map((k) => [k, 0])) };
        totals.set(r.currency, t as unknown as ReconciliationTotal);
      }
      for (const k of SUMMED) (t[k] as number) += (r as unknown as Record<string, number>)[k];
    }
  }
  return { rows, total, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}
