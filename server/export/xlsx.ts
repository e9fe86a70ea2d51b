// A download as an XLSX workbook, for people (docs/stats-api.md, "XLSX"): money as number cells in
// major units (minor ÷ 10^exponent of the row's currency: 1050 USD → 10.50, ¥500 → 500, 1500 BHD
// → 1.500) formatted with the currency's decimals, times as date cells (UTC), nested values as
// JSON text, the header row bold and frozen. Cells are typed values, never formulas, so text
// cannot run anything. Past Excel's 1,048,576 rows a sheet continues on the next one ("payments
// (2)"), so even a million-row list opens.
//
// Written with exceljs' streaming writer into a pipe to the response (stream.pipeline): after each
// batch the writer waits until the client has taken what was written (backpressure) and lets the
// event loop take a turn; it stops when the client hangs up. As with CSV, the first batch is read
// before anything is sent, so an error in the first query is still a JSON error.
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { currencyExponent } from '../../shared/currencies.ts';
import { attachmentHeaders } from './download.ts';

export type XlsxKind = 'money' | 'time' | 'value';

export interface XlsxColumn {
  key: string;
  kind: XlsxKind;
  width?: number;
}

/** Data rows per sheet: Excel's limit less the header row. */
export const SHEET_ROWS = 1_048_575;
/** Bytes the writer may run ahead of the client before it waits. */
const AHEAD_BYTES = 1 << 20;

export const moneyFormat = (exponent: number) => (exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`);
const TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function cellValue(col: XlsxColumn, value: unknown, currency: string | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (col.kind === 'money' && typeof value === 'number' && currency) return value / 10 ** currencyExponent(currency);
  if (col.kind === 'time' && typeof value === 'string' && ISO_TIME.test(value)) return new Date(value);
  if (typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

export async function streamXlsx<Row extends object>(
  req: Request,
  res: Response,
  opts: { filename: string; sheet: string; columns: readonly XlsxColumn[] },
  batches: AsyncIterable<Row[]>,
): Promise<boolean> {
  const source = batches[Symbol.asyncIterator]();
  let next = await source.next(); // an error here is still a JSON answer
  attachmentHeaders(res, opts.filename, 'xlsx');
  res.status(200);

  const out = new PassThrough();
  let gone = false;
  const sent = pipeline(out, res).then(
    () => true,
    (err) => {
      gone = true;
      if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') req.log?.error({ err }, 'xlsx download failed');
      return false;
    },
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | undefined;
  let sheets = 0;
  let rowsInSheet = SHEET_ROWS;
  const newSheet = () => {
    sheet?.commit();
    sheets += 1;
    sheet = workbook.addWorksheet(sheets === 1 ? opts.sheet : `${opts.sheet} (${sheets})`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = opts.columns.map((c) => ({ header: c.key, key: c.key, width: c.width ?? (c.kind === 'time' ? 20 : 14) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    rowsInSheet = 0;
  };

  try {
    newSheet();
    while (!next.done && !gone) {
      for (const record of next.value) {
        const r = record as Record<string, unknown>; // its columns, read by name
        if (rowsInSheet >= SHEET_ROWS) newSheet();
        const currency = typeof r.currency === 'string' ? r.currency : undefined;
        const row = sheet!.addRow(Object.fromEntries(opts.columns.map((c) => [c.key, cellValue(c, r[c.key], currency)])));
        for (const c of opts.columns) {
          if (c.kind === 'money' && currency) row.getCell(c.key).numFmt = moneyFormat(currencyExponent(currency));
          if (c.kind === 'time') row.getCell(c.key).numFmt = TIME_FORMAT;
        }
        row.commit();
        rowsInSheet += 1;
      }
      // Wait for the client to take what is written (the compressor writes into `out`).
      while (!gone && out.readableLength + out.writableLength > AHEAD_BYTES) await Promise.race([sleep(5), sent]);
      await nextTurn();
      if (!gone) next = await source.next();
    }
    if (gone) return false;
    sheet!.commit();
    await workbook.commit();
    return await sent;
  } catch (err) {
    req.log?.error({ err }, 'xlsx download failed mid-stream');
    out.destroy();
    res.destroy();
    return false;
  } finally {
    await source.return?.(undefined);
  }
}
