// CSV per RFC 4180 (comma-separated, CRLF line ends, fields with a quote, comma or line break
// wrapped in double quotes with inner quotes doubled), safe to open in a spreadsheet: a text
// cell that a spreadsheet would read as a formula (starting with = + - @, tab or carriage
// return) is prefixed with an apostrophe. Numbers are written as they are — a refund of -1500 is
// an amount, not a formula — so only text cells are ever prefixed.

const FORMULA_START = /^[=+\-@\t\r]/;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value); // arrays and objects (payout approvals, audit detail)
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = text(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Header line, then one line per record, taking `columns` from each record in order. */
export async function* csvChunks(columns: readonly string[], batches: AsyncIterable<any[]>): AsyncGenerator<string> {
  yield csvLine(columns);
  for await (const batch of batches) {
    if (batch.length) yield batch.map((r) => csvLine(columns.map((c) => r[c]))).join('');
  }
}

/** A JSON array, written a batch at a time. */
export async function* jsonChunks(batches: AsyncIterable<any[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const batch of batches) {
    if (!batch.length) continue;
    yield (first ? '\n' : ',\n') + batch.map((r) => JSON.stringify(r)).join(',\n');
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}
