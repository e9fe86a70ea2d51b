import { describe, expect, it } from 'vitest';
import { csvArrayChunks, csvCell, csvChunks, csvLine, jsonChunks } from './csv.ts';
import { parseCsv } from './csvParse.test-util.ts';

describe('csvCell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['plain', '"plain"'], // every text cell is quoted
    [1050, '1050'],
    [-1500, '-1500'], // a debit is a number, never prefixed
    [0, '0'],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['+1-555-0100', `"'+1-555-0100"`],
    ['-5', `"'-5"`], // text that looks like a number is still text
    ['@cmd', `"'@cmd"`],
    ['\tindent', `"'\tindent"`],
    ['\rreturn', `"'\rreturn"`],
    ['=HYPERLINK("http://x.test","click")', '"\'=HYPERLINK(""http://x.test"",""click"")"'],
    ['a=b', '"a=b"'], // a trigger inside a word is harmless
    // A trigger after a separator starts a cell in a spreadsheet that splits there.
    ["x;=cmd|' /C calc'!A0", `"x;'=cmd|' /C calc'!A0"`],
    ['x,=1+2', `"x,'=1+2"`],
    ['x\t+1', `"x\t'+1"`],
    ['x; @SUM(1)', `"x; '@SUM(1)"`],
    ['x|-2+3', `"x|'-2+3"`],
    ['line\r\n=1+1', `"line\r\n'=1+1"`],
    ['line\n-1', `"line\n'-1"`],
    ['=a;=b', `"'=a;'=b"`],
    ['fee; 2%', '"fee; 2%"'],
    [[{ user_id: 'usr_1', at: '2026-11-21T00:00:00.000Z' }], '"[{""user_id"":""usr_1"",""at"":""2026-11-21T00:00:00.000Z""}]"'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('lines end in CRLF and read back to the protected values', () => {
    const values = ['=1+2', 'x, "y"', 'multi\nline', -7, null, 'ok', 'a;=b'];
    const line = csvLine(values);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(parseCsv(line)).toEqual([["'=1+2", 'x, "y"', 'multi\nline', '-7', '', 'ok', "a;'=b"]]);
  });

  it('no cell of a line, split on ; or tab by a careless reader, starts a formula', () => {
    const line = csvLine(['ok', "x;=cmd|' /C calc'!A0", 'y\t@SUM(1)', 'z,+1', -3]);
    for (const piece of line.replace(/"/g, '').split(/[;,\t]/)) expect(piece.trimStart()).not.toMatch(/^[=+@]|^-[^0-9]/);
  });
});

describe('chunks', () => {
  async function* batches<T>(...bs: T[][]) {
    for (const b of bs) yield b;
  }
  const all = async (gen: AsyncIterable<string>) => {
    const out: string[] = [];
    for await (const c of gen) out.push(c);
    return out;
  };

  it('CSV: the header travels with the first batch; an empty export is the header alone', async () => {
    expect(await all(csvChunks(['id'], batches([{ id: 'a' }], [{ id: 'b' }])))).toEqual(['"id"\r\n"a"\r\n', '"b"\r\n']);
    expect(await all(csvChunks(['id'], batches([])))).toEqual(['"id"\r\n']);
  });

  it('CSV from array rows: the same bytes as from records, the tail (sort value) ignored, the header with the first rows', async () => {
    const tricky: unknown[] = [
      'plain', '', '=SUM(A1)', '-5', 'x;=cmd', 'say "hi"', 'two\nlines', 'fee; 2%', 'a=b', '\tindent', 'ümlaut ✓',
      -1500, 0, 12.5, null, undefined, true, false, new Date('2026-11-21T00:00:00Z'), [{ at: 'x' }], 10n,
    ];
    const columns = ['a', 'b', 'c'];
    const rows = tricky.flatMap((x, i) => [[x, tricky[(i + 5) % tricky.length], `id_${i}`, 'sort-key']]);
    const records = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
    const fromArrays = await all(csvArrayChunks(columns, batches(rows.slice(0, 7), [], rows.slice(7))));
    expect(fromArrays.join('')).toBe((await all(csvChunks(columns, batches(records)))).join(''));
    expect(fromArrays[0].startsWith('"a","b","c"\r\n"plain",')).toBe(true);
    expect(await all(csvArrayChunks(['id'], batches([])))).toEqual(['"id"\r\n']);
  });

  it('CSV from array rows: a long batch is cut into chunks of about SLICE_MS of work, at line ends', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [`pay_${i}`, i * 7, 'USD', 'a; =b', '2026-11-21T00:00:00.000Z']);
    const chunks = await all(csvArrayChunks(['id', 'amount', 'currency', 'note', 'at'], batches(rows)));
    expect(chunks.length).toBeGreaterThan(1); // 60k rows take well over one slice
    for (const c of chunks) expect(c.endsWith('\r\n')).toBe(true);
    expect(parseCsv(chunks.join('')).length).toBe(60_001);
  });

  it('JSON: an array, opened with the first batch', async () => {
    expect(JSON.parse((await all(jsonChunks(batches([{ a: 1 }], [], [{ a: 2 }])))).join(''))).toEqual([{ a: 1 }, { a: 2 }]);
    expect(await all(jsonChunks(batches()))).toEqual(['[]\n']);
  });
});
