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

/** A text cell that csvCell would only wrap in quotes: no trigger first, no separator, no quote. */
const NEEDS_CARE = /^[=+\-@\t\r]|[",;\t|\r\n]/;

/** Milliseconds of formatting (and, on SQLite, querying) before the event loop gets a turn. */
export const SLICE_MS = 8;
const ROWS_BETWEEN_CLOCK_READS = 128;

/**
 * csvChunks for rows as arrays (`columns.length` values first, in order; listArrayBatches): the
 * same bytes, made cheaply. Text that cannot need the formula guard or escaping — ids, codes,
 * times, most names — is quoted as it is without running the guard's expressions; everything
 * else goes through csvCell. A chunk is cut whenever about SLICE_MS of synchronous work has
 * gone into it (the caller then yields to the event loop), so a big batch does not hold the
 * server for longer than that.
 */
export async function* csvArrayChunks(columns: readonly string[], batches: AsyncIterable<unknown[][]>): AsyncGenerator<string> {
  const n = columns.length;
  let out = csvLine(columns);
  let sliceStart = performance.now();
  for await (const batch of batches) {
    for (let r = 0; r < batch.length; r++) {
      const row = batch[r];
      for (let i = 0; i < n; i++) {
        const v = row[i];
        if (i > 0) out += ',';
        if (typeof v === 'string') out += NEEDS_CARE.test(v) ? csvCell(v) : `"${v}"`;
        else if (typeof v === 'number') out += v;
        else if (v !== null && v !== undefined) out += csvCell(v);
      }
      out += '\r\n';
      if (r % ROWS_BETWEEN_CLOCK_READS === ROWS_BETWEEN_CLOCK_READS - 1 && performance.now() - sliceStart >= SLICE_MS) {
        yield out;
        out = '';
        sliceStart = performance.now();
      }
    }
    if (out) {
      yield out;
      out = '';
    }
    sliceStart = performance.now();
  }
  if (out) yield out; // the header of an empty list
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
