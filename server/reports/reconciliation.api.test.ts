// The reconciliation report against sums computed here from the ledger rows read back out of the
// database; over all time it adds up to the balances; CSV and XLSX carry the same numbers as
// JSON (the XLSX read back with exceljs); and its daily payments agree with the fee chart.
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeRow, ReconciliationRow } from '../../shared/api/stats.ts';
import { currencyExponent } from '../../shared/currencies.ts';
import { parseCsv } from '../export/csvParse.test-util.ts';
import { post } from '../ledger/ledger.ts';
import { EDGE, insertEdgeFixtures } from '../stats/fixtures.test-util.ts';
import type { TransactionRow } from '../db/tables.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { MONEY_COLUMNS, RECONCILIATION_COLUMNS } from './reconciliation.ts';

type Row = ReconciliationRow;
type Txn = Pick<TransactionRow, 'merchant_id' | 'currency' | 'amount' | 'source_type' | 'settlement_status' | 'created_at'>;

function expectedReport(txns: Txn[], names: Map<string, string>, f: { from: string; to: string; merchant_id?: string; currency?: string }) {
  const out = new Map<string, Row>();
  for (const x of txns) {
    const date = x.created_at.slice(0, 10);
    if (date < f.from || date > f.to) continue;
    if (f.merchant_id && x.merchant_id !== f.merchant_id) continue;
    if (f.currency && x.currency !== f.currency) continue;
    const key = `${date}|${x.merchant_id}|${x.currency}`;
    const r = out.get(key) ?? {
      date, merchant_id: x.merchant_id, merchant_name: names.get(x.merchant_id)!, currency: x.currency, payment_count: 0,
      payments: 0, refunds: 0, fees: 0, dispute_debits: 0, dispute_credits: 0, adjustments: 0, payouts: 0, net: 0, settled: 0, unsettled: 0,
    };
    const amount = Number(x.amount);
    if (x.source_type === 'payment') {
      r.payments += amount;
      r.payment_count += 1;
    }
    if (x.source_type === 'refund') r.refunds += amount;
    if (x.source_type === 'fee') r.fees += amount;
    if (x.source_type === 'dispute') r[amount < 0 ? 'dispute_debits' : 'dispute_credits'] += amount;
    if (x.source_type === 'adjustment') r.adjustments += amount;
    if (x.source_type === 'payout') r.payouts += amount;
    r.net += amount;
    r[x.settlement_status] += amount;
    out.set(key, r);
  }
  return [...out.keys()].sort().map((k) => out.get(k)!);
}

/** superagent hands a parser the response as it streams in (typed as its Response). */
const binary = (response: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const res = response as unknown as Readable;
  const chunks: Buffer[] = [];
  res.on('data', (d: Buffer) => chunks.push(d));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe.each(ENGINES)('reconciliation report on %s', (engine) => {
  let t: TestApp;
  let txns: Txn[];
  let names: Map<string, string>;
  let first: string;
  let last: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 1500 });
    await insertEdgeFixtures(t.db);
    // Ledger entries in a three-decimal and a zero-decimal currency, adjustments both ways.
    await t.db.transaction((trx) =>
      post(trx, [
        { merchant_id: EDGE.merchantId, currency: 'BHD', amount: 12_345, source_type: 'payment', source_id: 'py_edge1', settlement_status: 'settled', created_at: '2026-11-20T10:00:00.000Z' },
        { merchant_id: EDGE.merchantId, currency: 'BHD', amount: -345, source_type: 'fee', source_id: 'py_edge1', settlement_status: 'settled', created_at: '2026-11-20T10:00:00.000Z' },
        { merchant_id: EDGE.merchantId, currency: 'BHD', amount: 1, source_type: 'adjustment', source_id: 'adj_1', settlement_status: 'unsettled', created_at: '2026-11-20T23:59:59.999Z' },
        { merchant_id: EDGE.merchantId, currency: 'JPY', amount: 98_765, source_type: 'payment', source_id: 'py_edge2', settlement_status: 'unsettled', created_at: '2026-11-21T00:00:00.000Z' },
        { merchant_id: EDGE.merchantId, currency: 'JPY', amount: -5, source_type: 'adjustment', source_id: 'adj_2', settlement_status: 'settled', created_at: '2026-11-21T01:00:00.000Z' },
      ]),
    );
    txns = await t.db('transactions').select('merchant_id', 'currency', 'amount', 'source_type', 'settlement_status', 'created_at');
    names = new Map((await t.db('merchants').select('id', 'name')).map((m) => [m.id, m.name]));
    const days = txns.map((x) => x.created_at.slice(0, 10)).sort();
    [first, last] = [days[0], days[days.length - 1]];
  });
  afterAll(() => t.drop());

  const get = async (query: string, role: 'operator' | 'support' | 'admin' = 'operator') =>
    (await t.agent(role)).get(`/api/reports/reconciliation?${query}`);

  it.each([
    ['the whole ledger', () => ({ from: first, to: last })],
    ['ten days', () => ({ from: '2026-11-12', to: '2026-11-21' })],
    ['one merchant', () => ({ from: first, to: last, merchant_id: txns[0].merchant_id })],
    ['one currency', () => ({ from: first, to: last, currency: 'JPY' })],
    ['the edge merchant over two days', () => ({ from: '2026-11-20', to: '2026-11-21', merchant_id: EDGE.merchantId })],
  ])('JSON: %s — every row equals the ledger sums', async (_name, make) => {
    const f: { from: string; to: string; merchant_id?: string; currency?: string } = make();
    const res = await get(new URLSearchParams({ ...(f as Record<string, string>), format: 'json' }).toString());
    expect(res.status).toBe(200);
    const expected = expectedReport(txns, names, f);
    expect(expected.length).toBeGreaterThan(0);
    expect(JSON.parse(res.text)).toEqual(expected);
  });

  it('over all time it adds up to the balances: net = available + pending', async () => {
    const rows = JSON.parse((await get(`from=${first}&to=${last}`)).text);
    const sums = new Map<string, { net: number; settled: number; unsettled: number }>();
    for (const r of rows) {
      const key = `${r.merchant_id}:${r.currency}`;
      const s = sums.get(key) ?? { net: 0, settled: 0, unsettled: 0 };
      s.net += r.net;
      s.settled += r.settled;
      s.unsettled += r.unsettled;
      expect(r.net).toBe(r.payments + r.refunds + r.fees + r.dispute_debits + r.dispute_credits + r.adjustments + r.payouts);
      expect(r.net).toBe(r.settled + r.unsettled);
      sums.set(key, s);
    }
    const balances = await t.db('balances').select('id', 'available', 'pending');
    expect(balances.length).toBe(sums.size);
    for (const b of balances) {
      expect(sums.get(b.id)).toEqual({
        net: Number(b.available) + Number(b.pending), settled: Number(b.available), unsettled: Number(b.pending),
      });
    }
  });

  it('its daily payments agree with the fee chart for the same merchant and day', async () => {
    const rows = JSON.parse((await get('from=2026-10-01&to=2026-11-21')).text).filter((r: Row) => r.payment_count > 0 && r.merchant_id !== EDGE.merchantId);
    const merchants = [...new Set(rows.map((r: Row) => r.merchant_id))].slice(0, 4) as string[];
    expect(merchants.length).toBeGreaterThan(0);
    for (const m of merchants) {
      const chart = (await (await t.agent('operator')).get(`/api/stats/fees?from=2026-10-01&to=2026-11-21&merchant_id=${m}`)).body
        .filter((c: FeeRow) => c.count > 0);
      const mine = rows.filter((r: Row) => r.merchant_id === m);
      expect(mine.map((r: Row) => [r.date, r.currency, r.payments, -r.fees, r.payment_count]))
        .toEqual(chart.map((c: FeeRow) => [c.period, c.currency, c.volume, c.fees, c.count]));
    }
  });

  it('CSV holds the same rows as JSON, in minor units', async () => {
    const q = `from=${first}&to=${last}`;
    const json = JSON.parse((await get(q)).text);
    const csv = await get(`${q}&format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename=reconciliation-${first}_${last}.csv`);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header).toEqual([...RECONCILIATION_COLUMNS]);
    expect(rows).toEqual(json.map((r: Record<string, unknown>) => header.map((c) => String(r[c]))));
  });

  it('XLSX opens in exceljs: frozen header, number cells equal to JSON in major units', async () => {
    const q = `from=2026-10-15&to=2026-11-21`;
    const json = JSON.parse((await get(q)).text);
    const res = await (await t.agent('admin')).get(`/api/reports/reconciliation?${q}&format=xlsx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe("attachment; filename=reconciliation-2026-10-15_2026-11-21.xlsx");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.getWorksheet('Reconciliation')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual([...RECONCILIATION_COLUMNS]);
    expect(ws.rowCount).toBe(json.length + 1);
    const currencies = new Set<string>();
    json.forEach((r: Row, i: number) => {
      const row = ws.getRow(i + 2);
      const exponent = currencyExponent(r.currency);
      currencies.add(r.currency);
      RECONCILIATION_COLUMNS.forEach((c, j) => {
        const cell = row.getCell(j + 1);
        if (MONEY_COLUMNS.has(c)) {
          expect(typeof cell.value).toBe('number');
          expect(Math.round((cell.value as number) * 10 ** exponent)).toBe(r[c]);
          expect(cell.numFmt).toBe(exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`);
        } else {
          expect(cell.value).toBe(r[c]);
        }
      });
    });
    expect(currencies).toContain('JPY');
    expect(currencies).toContain('BHD');
  });

  it('an empty range is an empty report in every format', async () => {
    expect(JSON.parse((await get('from=2020-01-01&to=2020-01-31')).text)).toEqual([]);
    expect(parseCsv((await get('from=2020-01-01&to=2020-01-31&format=csv')).text)).toEqual([[...RECONCILIATION_COLUMNS]]);
    const res = await (await t.agent('operator')).get('/api/reports/reconciliation?from=2020-01-01&to=2020-01-31&format=xlsx').buffer(true).parse(binary);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.getWorksheet('Reconciliation')!.rowCount).toBe(1);
  });

  it('defaults to JSON over the last 30 days', async () => {
    const res = await get('');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual(expectedReport(txns, names, { from: '2026-10-23', to: '2026-11-21' }));
  });

  it.each([
    ['format=pdf', /format/],
    ['from=2026-11-31', /from/],
    ['from=2026-11-10&to=2026-11-01', /on or after/],
    ['from=2020-01-01&to=2026-11-21', /at most/],
    ['currency=EURO', /currency/],
    ['merchant=mer_1', /merchant/],
  ])('rejects %s with a 400', async (query, pattern) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(pattern);
  });

  it('needs a session; every role may read it', async () => {
    expect((await request(t.app).get('/api/reports/reconciliation')).status).toBe(401);
    for (const role of ['operator', 'support', 'admin'] as const) expect((await get('', role)).status).toBe(200);
  });
});
