// The engine against a real database: every operator, search shapes, ordering with the id
// tie-break, paging. SQLite always; PostgreSQL too when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.ts';
import { payments } from '../resources/payments/definition.ts';
import type { PaymentRow } from '../db/tables.ts';
import { createTestDb, ENGINES, type TestDb } from '../test/harness.ts';
import { fetchPage } from './listQuery.ts';
import { parseListQuery } from './parseListQuery.ts';

/** The payments these tests insert: the columns they set, typed as the table's. */
type TestPayment = Partial<PaymentRow> & Pick<PaymentRow, 'id' | 'amount' | 'currency' | 'status' | 'merchant_id' | 'created_at' | 'customer_email' | 'reference_id'>;

describe.each(ENGINES)('list engine on %s', (engine) => {
  let t: TestDb;
  const rows: TestPayment[] = [];

  beforeAll(async () => {
    t = await createTestDb(engine);
    const at = '2026-11-01T00:00:00.000Z';
    await t.db('plans').insert({ id: 'plan_1', name: 'P', plan_type: 'FLAT_RATE', percent_bps: 290, fixed_fee: 30, currency: 'USD', created_at: at });
    await t.db('merchants').insert({ id: 'mer_1', name: 'M', email: 'm@x.test', country: 'US', default_currency: 'USD', status: 'active', plan_id: 'plan_1', created_at: at, updated_at: at });
    await t.db('merchants').insert({ id: 'mer_2', name: 'Blue Harbor Café', email: 'b@x.test', country: 'US', default_currency: 'USD', status: 'active', plan_id: 'plan_1', created_at: at, updated_at: at });
    await t.db('intents').insert({ id: 'pi_1', merchant_id: 'mer_1', amount: 1, currency: 'USD', status: 'captured', capture_method: 'automatic', created_at: at, updated_at: at });
    // 30 payments; amounts repeat (ties) so the id tie-break matters.
    for (let i = 0; i < 30; i++) {
      const ms = Date.parse('2026-11-01T00:00:00Z') + i * 3_600_000 * 7;
      const row: TestPayment = {
        id: newId('payment', ms), intent_id: 'pi_1', merchant_id: i % 6 ? 'mer_1' : 'mer_2', amount: 100 * (i % 5), currency: i % 3 ? 'USD' : 'JPY',
        status: i % 4 ? 'captured' : 'failed', entry_mode: 'ecommerce', card_brand: 'visa', card_last4: i === 7 ? '4242' : '0000',
        fee_amount: 0, net_amount: 0, amount_refunded: 0, decline_code: i % 4 ? null : '3000', settlement_status: 'unsettled', auth_code: i === 9 ? 'AB12CD' : null,
        customer_email: i === 3 ? 'ana.lima@example.com' : `c${i}@x.test`, reference_id: `ORD-${1000 + i}`,
        created_at: new Date(ms).toISOString(), updated_at: new Date(ms).toISOString(),
      };
      rows.push(row);
    }
    await t.db('payments').insert(rows);
  });
  afterAll(() => t.drop());

  const list = (query: Record<string, unknown>) =>
    fetchPage(t.db, payments, parseListQuery(payments, Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)]))));
  const ids = (recs: Array<Record<string, unknown>>) => recs.map((r) => String(r.id));

  it('counts and pages', async () => {
    const page = await list({ range: [0, 9] });
    expect(page.total).toBe(30);
    expect(page.records).toHaveLength(10);
    expect(ids(page.records)).toEqual(ids([...rows].reverse().slice(0, 10)));
  });

  it('pages past the end are empty with the total', async () => {
    const page = await list({ range: [30, 39] });
    expect(page).toEqual({ records: [], total: 30, exact: true });
  });

  it('breaks ties by id in the sort direction, so pages neither overlap nor skip', async () => {
    for (const order of ['ASC', 'DESC']) {
      const seen: string[] = [];
      for (let start = 0; start < 30; start += 7) {
        const page = await list({ sort: ['amount', order], range: [start, start + 6] });
        seen.push(...ids(page.records));
      }
      const expected = [...rows].sort((a, b) => (a.amount - b.amount || a.id.localeCompare(b.id)) * (order === 'ASC' ? 1 : -1));
      expect(seen).toEqual(ids(expected));
    }
  });

  it.each([
    [{ status: 'failed' }, (r: TestPayment) => r.status === 'failed'],
    [{ currency: ['JPY'] }, (r: TestPayment) => r.currency === 'JPY'],
    [{ decline_code: null }, (r: TestPayment) => r.decline_code === null],
    [{ amount_gte: 200 }, (r: TestPayment) => r.amount >= 200],
    [{ amount_lte: 200 }, (r: TestPayment) => r.amount <= 200],
    [{ amount_gt: 200 }, (r: TestPayment) => r.amount > 200],
    [{ amount_lt: 200 }, (r: TestPayment) => r.amount < 200],
    [{ currency_neq: 'JPY' }, (r: TestPayment) => r.currency !== 'JPY'],
    [{ amount_gte: 100, amount_lte: 300 }, (r: TestPayment) => r.amount >= 100 && r.amount <= 300],
    [{ created_at_gte: '2026-11-02', created_at_lte: '2026-11-03' }, (r: TestPayment) => r.created_at >= '2026-11-02' && r.created_at < '2026-11-04'],
    [{ q: '4242' }, (r: TestPayment) => r.card_last4 === '4242'],
    [{ q: 'ANA.LI' }, (r: TestPayment) => r.customer_email!.startsWith('ana.li')],
    [{ q: 'ord-101' }, (r: TestPayment) => r.reference_id!.startsWith('ORD-101')],
    [{ q: 'nothing matches this' }, () => false],
    // A merchant's name, any part, in any case: the merchant's payments.
    [{ q: 'harbor' }, (r: TestPayment) => r.merchant_id === 'mer_2'],
    [{ q: 'BLUE HARBOR CAFÉ' }, (r: TestPayment) => r.merchant_id === 'mer_2'],
    [{ q: 'ue har', status: 'failed' }, (r: TestPayment) => r.merchant_id === 'mer_2' && r.status === 'failed'],
    [{ q: 'r_%' }, () => false], // LIKE's wildcards are plain characters
    [{ q: 'ab12cd' }, (r: TestPayment) => r.auth_code === 'AB12CD'],
  ])('filter %j matches exactly the rows it names', async (filter, predicate) => {
    const page = await list({ filter, range: [0, 99] });
    const expected = rows.filter(predicate);
    expect(page.total).toBe(expected.length);
    expect(ids(page.records).sort()).toEqual(ids(expected).sort());
  });

  it('finds a record by its exact id typed in lower case', async () => {
    const page = await list({ filter: { q: rows[5].id.toLowerCase() } });
    expect(ids(page.records)).toEqual([rows[5].id]);
  });

  it('finds the records whose id starts with what is typed, in any case', async () => {
    const start = rows[5].id.slice(0, 14);
    const page = await list({ filter: { q: start.toLowerCase() }, range: [0, 99] });
    expect(ids(page.records).sort()).toEqual(ids(rows.filter((r) => r.id.startsWith(start))).sort());
    expect(page.total).toBeGreaterThan(0);
    expect((await list({ filter: { q: 'py_' } })).total).toBe(0); // the prefix alone is not a start of an id
    expect((await list({ filter: { q: `re_${rows[5].id.slice(3, 14)}` } })).total).toBe(0); // another resource's prefix
  });

  it('getMany: an id list returns just those', async () => {
    const wanted = [rows[1].id, rows[2].id, 'py_missing'];
    const page = await list({ filter: { id: wanted } });
    expect(ids(page.records).sort()).toEqual([rows[1].id, rows[2].id].sort());
  });
});
