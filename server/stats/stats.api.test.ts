// The stats API against sums computed here, in JS, from the rows read back out of the database:
// per period and currency, for every interval and filter, on each engine, with empty ranges,
// a zero-decimal (JPY) and a three-decimal (BHD) currency and payments on bucket edges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrencyCost, DueDispute, FeeRow, PlanCost, PlanRow } from '../../shared/api/stats.ts';
import { computeFee } from '../../shared/fees.ts';
import { WORK_LISTS, workLists } from '../../shared/workLists.ts';
import type { PlanRow as PlanTableRow } from '../db/tables.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { makeDispute } from '../test/moneyFixtures.ts';
import { EDGE, insertEdgeFixtures } from './fixtures.test-util.ts';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

function bucket(interval: string, d: string): string {
  if (interval === 'day') return d;
  if (interval === 'month') return `${d.slice(0, 7)}-01`;
  let ms = dayMs(d);
  while (new Date(ms).getUTCDay() !== 1) ms -= DAY;
  return isoDay(ms);
}

function periods(interval: string, from: string, to: string): string[] {
  const out = new Set<string>();
  for (let ms = dayMs(from); ms <= dayMs(to); ms += DAY) out.add(bucket(interval, isoDay(ms)));
  return [...out];
}

interface Payment {
  merchant_id: string;
  currency: string;
  amount: number;
  fee_amount: number;
  status: string;
  captured_at: string | null;
  card_brand: string;
}

type Totals = { volume: number; fees: number; count: number };
const add = (m: Map<string, Totals>, key: string, p: Payment) => {
  const t = m.get(key) ?? { volume: 0, fees: 0, count: 0 };
  t.volume += p.amount;
  t.fees += p.fee_amount;
  t.count += 1;
  m.set(key, t);
};

describe.each(ENGINES)('stats API on %s', (engine) => {
  let t: TestApp;
  let payments: Payment[];
  let planOf: Map<string, string>;
  let plans: PlanTableRow[];

  const captured = (from: string, to: string) =>
    payments.filter((p) => p.status === 'captured' && p.captured_at! >= `${from}T` && p.captured_at!.slice(0, 10) <= to);

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 1500 });
    await insertEdgeFixtures(t.db);
    payments = (await t.db('payments').select('merchant_id', 'currency', 'amount', 'fee_amount', 'status', 'captured_at', 'card_brand'))
      .map((p) => ({ ...p, amount: Number(p.amount), fee_amount: Number(p.fee_amount) }));
    const merchants = await t.db('merchants').select('id', 'plan_id');
    planOf = new Map(merchants.map((m) => [m.id, m.plan_id]));
    plans = await t.db('plans').select('*').orderBy('id');
  });
  afterAll(() => t.drop());

  const get = async (url: string, role: 'operator' | 'support' | 'admin' = 'operator') => (await t.agent(role)).get(url);

  describe('GET /api/stats/fees', () => {
    const biggest = () => {
      const counts = new Map<string, number>();
      for (const p of payments) counts.set(p.merchant_id, (counts.get(p.merchant_id) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    };

    const cases: Array<[string, () => { from: string; to: string; merchant_id?: string; plan_id?: string; currency?: string }]> = [
      ['the whole seeded range', () => ({ from: '2026-05-01', to: '2026-11-21' })],
      ['one merchant', () => ({ from: '2026-05-01', to: '2026-11-21', merchant_id: biggest() })],
      ['one plan', () => ({ from: '2026-05-01', to: '2026-11-21', plan_id: planOf.get(biggest())! })],
      ['a zero-decimal currency (JPY)', () => ({ from: '2026-05-01', to: '2026-11-21', currency: 'JPY' })],
      ['a three-decimal currency on bucket edges (BHD)', () => ({ from: '2026-10-31', to: '2026-11-16', currency: 'bhd' })],
      ['the edge merchant, one week', () => ({ from: '2026-11-09', to: '2026-11-16', merchant_id: EDGE.merchantId })],
      ['a single day', () => ({ from: '2026-11-21', to: '2026-11-21' })],
    ];

    for (const interval of ['day', 'week', 'month']) {
      it.each(cases)(`${interval}: %s — sums equal the rows, per period and currency`, async (_name, make) => {
        const q = make();
        const res = await get(`/api/stats/fees?${new URLSearchParams({ ...q, interval })}`);
        expect(res.status).toBe(200);

        const expected = new Map<string, Totals>();
        for (const p of captured(q.from, q.to)) {
          if (q.merchant_id && p.merchant_id !== q.merchant_id) continue;
          if (q.plan_id && planOf.get(p.merchant_id) !== q.plan_id) continue;
          if (q.currency && p.currency !== q.currency.toUpperCase()) continue;
          add(expected, `${bucket(interval, p.captured_at!.slice(0, 10))}|${p.currency}`, p);
        }
        expect(expected.size).toBeGreaterThan(0); // the case exercises real data

        const got = new Map<string, Totals>();
        for (const r of res.body) {
          expect(Number.isInteger(r.volume) && Number.isInteger(r.fees) && Number.isInteger(r.count)).toBe(true);
          if (r.count > 0) got.set(`${r.period}|${r.currency}`, { volume: r.volume, fees: r.fees, count: r.count });
          else expect(r).toEqual({ period: r.period, currency: r.currency, volume: 0, fees: 0, count: 0 });
        }
        expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));

        // Every currency is a continuous series over every period of the range, in order.
        const currencies = [...new Set([...expected.keys()].map((k) => k.split('|')[1]))].sort();
        const keys = periods(interval, q.from, q.to).flatMap((p) => currencies.map((c) => `${p}|${c}`));
        expect(res.body.map((r: FeeRow) => `${r.period}|${r.currency}`)).toEqual(keys);
      });
    }

    it('puts a payment in the day of its capture, not of its creation', async () => {
      const res = await get(`/api/stats/fees?from=2026-11-15&to=2026-11-16&merchant_id=${EDGE.merchantId}&currency=BHD`);
      expect(res.body.map((r: FeeRow) => [r.period, r.volume])).toEqual([['2026-11-15', 1500], ['2026-11-16', 2750]]);
    });

    it.each([
      ['2020-01-01', '2020-03-31'],
      ['2027-01-01', '2027-12-31'],
    ])('an empty range %s…%s is an empty list', async (from, to) => {
      for (const interval of ['day', 'week', 'month']) {
        const res = await get(`/api/stats/fees?from=${from}&to=${to}&interval=${interval}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual([]);
      }
    });

    it('defaults to the last 30 days by day', async () => {
      const res = await get('/api/stats/fees?currency=JPY');
      const explicit = await get('/api/stats/fees?currency=JPY&from=2026-10-23&to=2026-11-21&interval=day');
      expect(res.body).toEqual(explicit.body);
    });

    it.each([
      ['from=2026-13-01', /from/],
      ['from=2026-02-30', /from/],
      ['from=21-11-2026', /from/],
      ['to=yesterday', /to/],
      ['from=2026-11-10&to=2026-11-01', /on or after/],
      ['from=2020-01-01&to=2026-11-21', /at most/],
      ['interval=year', /interval/],
      ['currency=US', /currency/],
      ['currency=USD&currency=EUR', /currency/],
      ['merchant=mer_1', /merchant/],
      ['range=[0,9]', /range/],
    ])('rejects %s with a 400', async (query, pattern) => {
      const res = await get(`/api/stats/fees?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(pattern);
    });
  });

  describe('GET /api/stats/plans', () => {
    it.each([
      ['2026-05-01', '2026-11-21'],
      ['2026-11-01', '2026-11-21'],
    ])('per plan and currency, %s…%s, sums equal the rows', async (from, to) => {
      const res = await get(`/api/stats/plans?from=${from}&to=${to}`);
      expect(res.status).toBe(200);
      const expected = new Map<string, Totals & { merchants: Set<string> }>();
      for (const p of captured(from, to)) {
        const key = `${planOf.get(p.merchant_id)}|${p.currency}`;
        const e = expected.get(key) ?? { volume: 0, fees: 0, count: 0, merchants: new Set<string>() };
        e.volume += p.amount;
        e.fees += p.fee_amount;
        e.count += 1;
        e.merchants.add(p.merchant_id);
        expected.set(key, e);
      }
      const withVolume = res.body.filter((r: PlanRow) => r.count > 0);
      expect(withVolume).toHaveLength(expected.size);
      for (const r of withVolume) {
        const e = expected.get(`${r.plan_id}|${r.currency}`)!;
        expect(r).toMatchObject({ volume: e.volume, fees: e.fees, count: e.count, merchants: e.merchants.size });
        expect(r.effective_bps).toBe(Math.round((e.fees * 10_000) / e.volume));
      }
      // Every plan is listed, with its name, type and how many merchants it has today.
      expect([...new Set(res.body.map((r: PlanRow) => r.plan_id))].sort()).toEqual(plans.map((p) => p.id).sort());
      for (const r of res.body) {
        const plan = plans.find((p) => p.id === r.plan_id)!;
        expect(r).toMatchObject({ name: plan.name, plan_type: plan.plan_type });
        expect(r.merchants_on_plan).toBe([...planOf.values()].filter((id) => id === r.plan_id).length);
      }
    });

    it('an empty range lists every plan at zero', async () => {
      const res = await get('/api/stats/plans?from=2020-01-01&to=2020-01-31');
      expect(res.body).toHaveLength(plans.length);
      for (const r of res.body) expect(r).toMatchObject({ volume: 0, fees: 0, count: 0, merchants: 0, effective_bps: 0 });
    });

    it('rejects a bad range', async () => {
      expect((await get('/api/stats/plans?from=2026-11-02&to=2026-11-01')).status).toBe(400);
      expect((await get('/api/stats/plans?interval=day')).status).toBe(400);
    });
  });

  describe('GET /api/stats/overview', () => {
    // One dispute overdue whichever clock a test sets, so "overdue first" is really checked.
    beforeAll(() => makeDispute(t, { status: 'needs_response', dueDate: '2026-11-10' }));

    it.each([
      ['2026-11-21T12:00:00Z'],
      ['2026-11-16T00:00:01Z'],
    ])('at %s: volumes, rates, payouts and disputes match the rows', async (now) => {
      t.clock.now = new Date(now);
      try {
        const res = await get('/api/stats/overview', 'support');
        expect(res.status).toBe(200);
        const today = now.slice(0, 10);
        const from30 = isoDay(dayMs(today) - 29 * DAY);
        const perCurrency = (from: string) => {
          const m = new Map<string, Totals>();
          for (const p of captured(from, today)) add(m, p.currency, p);
          return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, v]) => ({ currency, ...v }));
        };
        expect(res.body.today).toBe(today);
        expect(res.body.volume_today).toEqual(perCurrency(today));
        expect(res.body.volume_30d).toEqual(perCurrency(from30));

        const inWindow = (ts: string) => ts >= `${from30}T` && ts.slice(0, 10) <= today;
        const refunds = (await t.db('refunds').select('status', 'created_at')).filter((r) => r.status === 'succeeded' && inWindow(r.created_at));
        const disputes = await t.db('disputes').select('*');
        const capturedCount = captured(from30, today).length;
        expect(res.body.refund_rate).toEqual({ events: refunds.length, payments: capturedCount, rate: refunds.length / capturedCount });
        const opened = disputes.filter((d) => inWindow(d.created_at)).length;
        expect(res.body.dispute_rate).toEqual({ events: opened, payments: capturedCount, rate: opened / capturedCount });

        const payouts = (await t.db('payouts').select('status', 'currency', 'amount'))
          .filter((p) => p.status === 'pending' || p.status === 'pending_second_approval');
        expect(res.body.payouts_awaiting_approval.count).toBe(payouts.length);
        expect(res.body.payouts_awaiting_approval.by_status).toEqual({
          pending: payouts.filter((p) => p.status === 'pending').length,
          pending_second_approval: payouts.filter((p) => p.status === 'pending_second_approval').length,
        });
        for (const c of res.body.payouts_awaiting_approval.by_currency) {
          const mine = payouts.filter((p) => p.currency === c.currency);
          expect(c).toEqual({ currency: c.currency, count: mine.length, amount: mine.reduce((s, p) => s + Number(p.amount), 0) });
        }

        // Due soon: within 72 h or already overdue, the overdue ones first (the most urgent).
        const dueBy = isoDay(dayMs(today) + 3 * DAY);
        const due = disputes
          .filter((d) => d.status === 'needs_response' && d.response_due_date <= dueBy)
          .sort((a, b) => a.response_due_date.localeCompare(b.response_due_date) || a.id.localeCompare(b.id));
        expect(res.body.disputes_due_soon.count).toBe(due.length);
        expect(res.body.disputes_due_soon.soonest.map((d: DueDispute) => d.id)).toEqual(due.slice(0, 10).map((d) => d.id));
        const overdue = disputes.filter((d) => d.status === 'needs_response' && d.response_due_date < today).length;
        expect(res.body.disputes_due_soon.overdue).toBe(overdue);
        expect(overdue).toBeGreaterThan(0);
        expect(res.body.disputes_due_soon.soonest[0].response_due_date < today).toBe(true);
      } finally {
        t.clock.now = new Date('2026-11-21T12:00:00Z');
      }
    });

    it('counts every work list exactly as the list it links to counts it', async () => {
      const res = await get('/api/stats/overview', 'operator');
      const lists = workLists(res.body.today);
      expect(Object.keys(res.body.work).sort()).toEqual([...WORK_LISTS].sort());
      for (const name of WORK_LISTS) {
        const { resource, filter, sort } = lists[name];
        const list = await get(`/api/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify(sort) })}`, 'admin');
        expect(list.status).toBe(200);
        expect({ name, count: res.body.work[name].count }).toEqual({ name, count: Number(list.headers['x-total-count']) });
      }
      expect(res.body.payouts_awaiting_approval.count).toBe(res.body.work.payouts_to_approve.count);
      expect(res.body.disputes_due_soon.count).toBe(res.body.work.disputes_due_soon.count);
      expect(res.body.work.payments_declined_today.count).toBeGreaterThan(0);
    });

    it('the demo has something to show on each KPI', async () => {
      const res = await get('/api/stats/overview');
      expect(res.body.volume_30d.length).toBeGreaterThan(0);
      expect(res.body.payouts_awaiting_approval.count).toBeGreaterThan(0);
    });
  });

  describe('GET /api/stats/plan-comparison', () => {
    const priceAll = (merchantId: string, from: string, to: string) => {
      const mine = captured(from, to).filter((p) => p.merchant_id === merchantId);
      return plans.flatMap((plan) => {
        const byCurrency = new Map<string, Totals & { actual: number }>();
        for (const p of mine) {
          const c = byCurrency.get(p.currency) ?? { volume: 0, fees: 0, count: 0, actual: 0 };
          c.volume += p.amount;
          c.count += 1;
          c.fees += computeFee(plan, p); // priced one payment at a time: the oracle
          c.actual += p.fee_amount;
          byCurrency.set(p.currency, c);
        }
        return [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, c]) => ({
          plan_id: plan.id, currency, volume: c.volume, count: c.count, fees: c.fees, difference: c.fees - c.actual,
        }));
      });
    };

    it('prices the last 90 days on every plan like computeFee does, payment by payment', async () => {
      const merchantIds = [...new Set(captured('2026-08-24', '2026-11-21').map((p) => p.merchant_id))].slice(0, 5);
      for (const merchantId of [...merchantIds, EDGE.merchantId]) {
        const res = await get(`/api/stats/plan-comparison?merchant_id=${merchantId}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ merchant_id: merchantId, from: '2026-08-24', to: '2026-11-21', days: 90, current_plan_id: planOf.get(merchantId) });
        expect(res.body.plans.map(({ plan_id, currency, volume, count, fees, difference }: PlanCost) => ({ plan_id, currency, volume, count, fees, difference })))
          .toEqual(priceAll(merchantId, '2026-08-24', '2026-11-21'));
        for (const r of res.body.plans) expect(r.current).toBe(r.plan_id === planOf.get(merchantId));
      }
    });

    it('on its own plan, a seeded merchant would have paid exactly what it was charged', async () => {
      // A seeded merchant (the edge fixtures' fees are written by hand), whatever order the rows came in.
      const merchantId = captured('2026-08-24', '2026-11-21').find((p) => p.merchant_id !== EDGE.merchantId)!.merchant_id;
      const res = await get(`/api/stats/plan-comparison?merchant_id=${merchantId}`);
      const current: PlanCost[] = res.body.plans.filter((r: PlanCost) => r.current);
      expect(current.length).toBeGreaterThan(0);
      for (const r of current) {
        expect(r.difference).toBe(0);
        expect(r.fees).toBe(res.body.actual.find((a: CurrencyCost) => a.currency === r.currency).fees);
      }
    });

    it('takes a window length in days', async () => {
      const res = await get(`/api/stats/plan-comparison?merchant_id=${EDGE.merchantId}&days=7`);
      expect(res.body).toMatchObject({ from: '2026-11-15', to: '2026-11-21', days: 7 });
      expect(res.body.actual).toEqual([
        { currency: 'BHD', volume: 1500 + 2750, count: 2, fees: 141 + 176, effective_bps: Math.round(((141 + 176) * 10_000) / 4250) },
        { currency: 'JPY', volume: 500 + 123_457, count: 2, fees: 56 + 3_535, effective_bps: Math.round(((56 + 3_535) * 10_000) / 123_957) },
      ]);
    });

    it.each([
      ['', 400],
      ['merchant_id=mer_01NOPE0000000000000000000000', 404],
      [`merchant_id=${EDGE.merchantId}&days=0`, 400],
      [`merchant_id=${EDGE.merchantId}&days=1000`, 400],
      [`merchant_id=${EDGE.merchantId}&days=ten`, 400],
    ])('?%s → %i', async (query, status) => {
      expect((await get(`/api/stats/plan-comparison?${query}`)).status).toBe(status);
    });
  });

  it('needs a session, and every role may read', async () => {
    const request = (await import('supertest')).default;
    for (const path of ['/api/stats/fees', '/api/stats/plans', '/api/stats/overview']) {
      expect((await request(t.app).get(path)).status).toBe(401);
      for (const role of ['operator', 'support', 'admin'] as const) expect((await get(path, role)).status).toBe(200);
    }
  });
});
