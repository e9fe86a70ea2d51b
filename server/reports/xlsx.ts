// The reconciliation report as an XLSX workbook, written straight to the response with exceljs'
// streaming writer. A spreadsheet is for people, so money is in major units (minor units divided
// by 10^exponent of the row's currency: 1050 USD → 10.50, ¥500 → 500, 1500 BHD → 1.500) as real
// number cells with the currency's decimals as their format; the header row is frozen.
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { currencyExponent } from '../../shared/currencies.ts';
import { MONEY_COLUMNS, RECONCILIATION_COLUMNS, type ReconciliationRow } from './reconciliation.ts';

const WIDTHS: Record<string, number> = { date: 12, merchant_id: 32, merchant_name: 28, currency: 9 };

const numberFormat = (exponent: number) => (exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`);

export async function writeReconciliationXlsx(res: Response, batches: AsyncIterable<ReconciliationRow[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Reconciliation', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RECONCILIATION_COLUMNS.map((key) => ({ header: key, key, width: WIDTHS[key] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  for await (const batch of batches) {
    for (const r of batch) {
      const exponent = currencyExponent(r.currency);
      const row = sheet.addRow(
        Object.fromEntries(
          RECONCILIATION_COLUMNS.map((c) => [c, MONEY_COLUMNS.has(c) ? (r[c] as number) / 10 ** exponent : r[c]]),
        ),
      );
      for (const c of MONEY_COLUMNS) row.getCell(c).numFmt = numberFormat(exponent);
      row.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}
