// The reconciliation report as an XLSX workbook (server/export/xlsx.ts): one sheet
// "Reconciliation", money columns in major units with the currency's decimals.
import type { Request, Response } from 'express';
import type { XlsxColumn } from '../export/xlsx.ts';
import { streamXlsx } from '../export/xlsx.ts';
import { MONEY_COLUMNS, RECONCILIATION_COLUMNS, type ReconciliationRow } from './reconciliation.ts';

const WIDTHS: Record<string, number> = { date: 12, merchant_id: 32, merchant_name: 28, currency: 9 };

const COLUMNS: XlsxColumn[] = RECONCILIATION_COLUMNS.map((key) => ({
  key, kind: MONEY_COLUMNS.has(key) ? 'money' : 'value', width: WIDTHS[key] ?? 14,
}));

export function streamReconciliationXlsx(
  req: Request,
  res: Response,
  filename: string,
  batches: AsyncIterable<ReconciliationRow[]>,
): Promise<boolean> {
  return streamXlsx(req, res, { filename, sheet: 'Reconciliation', columns: COLUMNS }, batches);
}
