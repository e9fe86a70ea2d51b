// CSV per RFC 4180 (comma-separated, CRLF line ends, inner quotes doubled), safe to open in a
// spreadsheet:
// - every text cell is wrapped in double quotes, so a comma, semicolon, tab or line break inside
//   it never starts another cell — whatever separator the spreadsheet's locale uses;
// - a text cell that a spreadsheet would read as a formula (starting with = + - @, tab or
//   carriage return) is prefixed with an apostrophe;
// - so is a trigger (= + - @) that follows a separator (, ; tab | or a line break, spaces
//   allowed between) inside the text: `x;=cmd|' /C calc'!A0` becomes `x;'=cmd|' /C calc'!A0`,
//   harmless even to a reader that splits on `;` and ignores the quotes.
// Numbers are written as they are — a refund of -1500 is an amount, not a formula — so only text
// cells are ever changed. JSON carries values untouched (it is for machines).

const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SEPARATOR = /([,;\t|\r\n][ ]*)([=+\-@])/g;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value); // arrays and objects (payout approvals, audit detail)
}

/** The text as a spreadsheet can only read it: as text. */
export function neutraliseFormulas(s: string): string {
  const inner = s.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `"${neutraliseFormulas(text(value)).replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * Header line, then one line per record, taking `columns` from each record in order. The header
 * travels with the first batch, so an error in the first query happens before anything is sent
 * (and can still be a JSON error).
 */
export async function* csvChunks<Row extends object>(columns: readonly (keyof Row & string)[], batches: AsyncIterable<Row[]>): AsyncGenerator<string> {
  let head: string | null = csvLine(columns);
  for await (const batch of batches) {
    if (!batch.length) continue;
    yield (head ?? '') + batch.map((r) => csvLine(columns.map((c) => r[c]))).join('');
    head = null;
  }
  if (head !== null) yield head;
}

/** A JSON array, written a batch at a time (the opening bracket with the first batch). */
export async function* jsonChunks(batches: AsyncIterable<object[]>): AsyncGenerator<string> {
  let first = true;
  for await (const batch of batches) {
    if (!batch.length) continue;
    yield (first ? '[\n' : ',\n') + batch.map((r) => JSON.stringify(r)).join(',\n');
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}
