import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';
import { parseCsv } from './csvParse.test-util.ts';

describe('csvCell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['plain', 'plain'],
    [1050, '1050'],
    [-1500, '-1500'], // a debit is a number, never prefixed
    [0, '0'],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1-555-0100', "'+1-555-0100"],
    ['-5', "'-5"], // text that looks like a number is still text
    ['@cmd', "'@cmd"],
    ['\tindent', "'\tindent"],
    ['\rreturn', '"\'\rreturn"'],
    ['=HYPERLINK("http://x.test","click")', '"\'=HYPERLINK(""http://x.test"",""click"")"'],
    ['a=b', 'a=b'], // only a leading trigger matters
    [[{ user_id: 'usr_1', at: '2026-11-21T00:00:00.000Z' }], '"[{""user_id"":""usr_1"",""at"":""2026-11-21T00:00:00.000Z""}]"'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('lines end in CRLF and read back to the protected values', () => {
    const values = ['=1+2', 'x, "y"', 'multi\nline', -7, null, 'ok'];
    const line = csvLine(values);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(parseCsv(line)).toEqual([["'=1+2", 'x, "y"', 'multi\nline', '-7', '', 'ok']]);
  });
});
