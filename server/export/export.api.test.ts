// Exports hold exactly the list: the same rows (count equals the list total) in the same order
// (equal to the list read page by page), for several filters and sorts — including sorts on
// columns with empty values, which each engine orders its own way — as CSV and JSON, on each
// engine. CSV cells are escaped and protected against formula injection.
import ExcelJS from 'exceljs';
import request from 'supertest';
import { currencyExponent } from '../../shared/currencies.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../resources/index.ts';
import { createTestApp, ENGINES, listUrl, type TestApp } from '../test/harness.ts';
import { parseCsv } from './csvParse.test-util.ts';
import { MONEY_COLUMNS } from './forPeople.ts';

/** Merchant names, and how the CSV must show them: formulas neutralised, the rest as typed. */
const NASTY: Array<[string, string]> = [
  ['=HYPERLINK("http://evil.test","Click")', '\'=HYPERLINK("http://evil.test","Click")'],
  ['+SUM(1,2)', "'+SUM(1,2)"],
  ['-2+3', "'-2+3"],
  ['@cmd', "'@cmd"],
  ['\tTabbed', "'\tTabbed"],
  ["x;=cmd|' /C calc'!A0", "x;'=cmd|' /C calc'!A0"], // `;` locales split cells there
  ['Tab\t@SUM(A1)', "Tab\t'@SUM(A1)"],
  ['Comma, "Quoted" & Sons', 'Comma, "Quoted" & Sons'],
  ['Two\r\nLines Ltd', 'Two\r\nLines Ltd'],
  ['São Paulo Café ☕', 'São Paulo Café ☕'],
];
const NASTY_NAMES = NASTY.map(([name]) => name);

const columnsOf = (name: string) => resources.find((r) => r.def.name === name)!.def.columns;


/** A record of a list or an export, as these tests read it (the columns they look at, typed). */
type Exported = Record<string, unknown> & { id: string; name: string; currency: string; merchant_id: string };

describe.each(ENGINES)('exports on %s', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 2500 });
    const plan = await t.db('plans').first('id');
    await t.db('merchants').insert(
      NASTY_NAMES.map((name, i) => ({
        id: `mer_01NASTY${String(i).padStart(19, '0')}`, name, email: `n${i}@x.test`, country: 'US', default_currency: 'USD',
        status: 'active', plan_id: plan!.id, created_at: '2026-11-20T00:00:00.000Z', updated_at: '2026-11-20T00:00:00.000Z',
      })),
    );
  });
  afterAll(() => t.drop());

  const agentFor = (resource: string) => t.agent(resource === 'users' || resource === 'audit' ? 'admin' : 'operator');

  /** The whole list, read the way the SPA pages through it. */
  async function listAll(resource: string, filter: object, sort?: [string, string]) {
    const agent = await agentFor(resource);
    const first = await agent.get(listUrl(resource, { filter, sort, range: [0, 999] }));
    expect(first.status).toBe(200);
    const total = Number(first.headers['x-total-count']);
    const ids: string[] = first.body.map((r: Exported) => r.id);
    for (let start = 1000; start < total; start += 1000) {
      const page = await agent.get(listUrl(resource, { filter, sort, range: [start, start + 999] }));
      ids.push(...page.body.map((r: Exported) => r.id));
    }
    return { total, ids };
  }

  async function exportAs(resource: string, format: 'csv' | 'json', filter: object, sort?: [string, string]) {
    const q = new URLSearchParams({ format, filter: JSON.stringify(filter) });
    if (sort) q.set('sort', JSON.stringify(sort));
    const agent = await agentFor(resource);
    return agent.get(`/api/${resource}/export?${q}`).buffer(true).parse((res, cb) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => cb(null, text));
    });
  }

  it.each([
    ['payments', {}, undefined],
    ['payments', { status: 'captured' }, ['amount', 'ASC']],
    ['payments', { currency: ['JPY', 'USD'], amount_gte: 1000 }, ['settled_at', 'ASC']],
    ['payments', {}, ['settled_at', 'DESC']],
    ['payments', { created_at_gte: '2026-10-01', created_at_lte: '2026-10-31' }, ['fee_amount', 'DESC']],
    ['payments', { decline_code_neq: '3000' }, ['decline_code', 'ASC']],
    ['payments', { q: 'ana.' }, undefined],
    ['payments', { status: 'voided', currency: 'XXX' }, undefined],
    ['transactions', {}, ['amount', 'ASC']],
    ['transactions', { source_type: 'refund' }, undefined],
    ['intents', { capture_method: 'manual' }, ['amount', 'DESC']],
    ['refunds', { status: 'succeeded' }, undefined],
    ['disputes', {}, ['closed_date', 'ASC']],
    ['disputes', { status: 'needs_response' }, ['response_due_date', 'ASC']],
    ['payouts', { status: ['pending', 'pending_second_approval'] }, undefined],
    ['payouts', {}, ['decided_at', 'DESC']],
    ['merchants', {}, ['name', 'ASC']],
    ['plans', {}, undefined],
    ['balances', {}, undefined],
    ['users', {}, ['last_login_at', 'ASC']],
    ['audit', { action_neq: 'data.exported' }, undefined], // each export adds a row of its own
  ] as Array<[string, object, [string, string] | undefined]>)('%s %j sorted %j: same rows, same order as the list', async (resource, filter, sort) => {
    const list = await listAll(resource, filter, sort);

    const json = await exportAs(resource, 'json', filter, sort);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const records = JSON.parse(json.body);
    expect(records).toHaveLength(list.total);
    expect(records.map((r: Exported) => r.id)).toEqual(list.ids);

    const csv = await exportAs(resource, 'csv', filter, sort);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename=${resource}-2026-11-21.csv`);
    const [header, ...rows] = parseCsv(csv.body);
    expect(header).toEqual(columnsOf(resource));
    expect(rows).toHaveLength(list.total);
    expect(rows.map((r) => r[0])).toEqual(list.ids);
  });

  it('exports past the 1000-row page size with no cap', async () => {
    const list = await listAll('transactions', {});
    expect(list.total).toBeGreaterThan(2000);
    const csv = await exportAs('transactions', 'csv', {});
    expect(parseCsv(csv.body).length - 1).toBe(list.total);
  });

  it('protects text cells against formula injection and escapes per RFC 4180', async () => {
    const csv = await exportAs('merchants', 'csv', { q: '' }, ['name', 'ASC']);
    const [header, ...rows] = parseCsv(csv.body);
    const names = rows.map((r) => r[header.indexOf('name')]);
    for (const [, expected] of NASTY) expect(names).toContain(expected);
    // Every text cell is quoted, so no separator inside one starts another cell.
    expect(csv.body).toContain(`"x;'=cmd|' /C calc'!A0"`);
    expect(csv.body).toContain('"Comma, ""Quoted"" & Sons"');
    expect(csv.body).toContain('"Two\r\nLines Ltd"');
    // JSON carries the values untouched.
    const json = JSON.parse((await exportAs('merchants', 'json', {})).body);
    for (const name of NASTY_NAMES) expect(json.map((m: Exported) => m.name)).toContain(name);
  });

  it.each(['payments', 'transactions', 'payouts', 'plans'])('%s as XLSX: the JSON records for people — major units, merchant names, dates', async (resource) => {
    const filter = resource === 'payments' ? { currency: ['JPY', 'USD', 'EUR'] } : {};
    const records = JSON.parse((await exportAs(resource, 'json', filter)).body);
    const agent = await agentFor(resource);
    const res = await agent.get(`/api/${resource}/export?format=xlsx&filter=${encodeURIComponent(JSON.stringify(filter))}`).buffer(true)
      .parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))); });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename=${resource}-2026-11-21.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.getWorksheet(resource)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const columns = columnsOf(resource);
    expect(header).toEqual(columns.includes('merchant_id')
      ? columns.flatMap((c) => (c === 'merchant_id' ? ['merchant_id', 'merchant_name'] : [c]))
      : [...columns]);
    expect(ws.rowCount).toBe(records.length + 1);
    const names = new Map((await t.db('merchants').select('id', 'name')).map((m) => [m.id, m.name]));
    let moneyCells = 0;
    records.forEach((r: Exported, i: number) => {
      const row = ws.getRow(i + 2);
      (header as string[]).forEach((c, j) => {
        const cell = row.getCell(j + 1);
        const v = r[c];
        if (c === 'merchant_name') expect(cell.value).toBe(names.get(r.merchant_id));
        else if (v === null || v === undefined) expect(cell.value).toBeNull();
        else if (MONEY_COLUMNS.has(c)) {
          const exponent = currencyExponent(r.currency);
          expect(typeof cell.value).toBe('number');
          expect(Math.round((cell.value as number) * 10 ** exponent)).toBe(v);
          expect(cell.numFmt).toBe(exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`);
          moneyCells += 1;
        } else if (c.endsWith('_at')) expect((cell.value as Date).toISOString()).toBe(v);
        else if (typeof v === 'object') expect(JSON.parse(cell.value as string)).toEqual(v);
        else expect(cell.value).toBe(v);
      });
    });
    expect(moneyCells).toBeGreaterThan(0);
    if (resource === 'payments') expect(new Set(records.map((r: Exported) => r.currency))).toContain('JPY');
  });

  it('leaves negative amounts as numbers', async () => {
    // Refund debits (a failed refund's reversal is a positive entry of the same type).
    const refunds = await t.db('transactions').where('source_type', 'refund').where('amount', '<', 0).select('id', 'amount');
    expect(refunds.length).toBeGreaterThan(0);
    const csv = await exportAs('transactions', 'csv', { source_type: 'refund' });
    const [header, ...rows] = parseCsv(csv.body);
    const amount = new Map(rows.map((r) => [r[0], r[header.indexOf('amount')]]));
    for (const r of refunds) {
      expect(Number(r.amount)).toBeLessThan(0);
      expect(amount.get(r.id)).toBe(String(r.amount));
    }
  });

  it('writes nested values (payout approvals) as JSON text', async () => {
    const csv = await exportAs('payouts', 'csv', { status: 'pending_second_approval' });
    const [header, ...rows] = parseCsv(csv.body);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(JSON.parse(r[header.indexOf('approvals')])).toHaveLength(1);
  });

  it.each([
    ['/api/payments/export?format=xml', 400, /format/],
    ['/api/payments/export?range=[0,9]', 400, /range/],
    ['/api/payments/export?filter={"nope":1}', 400, /Unknown filter "nope"/],
    ['/api/payments/export?sort=["card_last4x","ASC"]', 400, /Cannot sort/],
    ['/api/payments/export?filter={"amount":"ten"}', 400, /whole number/],
    ['/api/payments/export?limit=5', 400, /Unknown query parameter/],
    ['/api/users/export', 403, /permission/],
    ['/api/audit/export?format=json', 403, /permission/],
  ])('%s → %i', async (url, status, message) => {
    const res = await (await t.agent('operator')).get(url);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('needs a session', async () => {
    expect((await request(t.app).get('/api/payments/export')).status).toBe(401);
  });

  it('defaults to CSV', async () => {
    const res = await (await t.agent('support')).get('/api/plans/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  });
});
