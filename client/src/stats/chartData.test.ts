// The chart transformers and number formats: one series per currency with effective rates,
// gaps where nothing was captured, and money in each currency's own units.
import { describe, expect, it } from 'vitest';
import { comparisonPoints, currenciesByActivity, feeSeries, planPoints, seriesTotals } from './chartData.ts';
import { formatBpsRate, formatMoneyCompact, formatPeriod, formatRate, rateTicks } from './chartFormat.ts';
import { query } from './statsApi.ts';
import type { FeeRow, PlanCost, PlanRow } from './statsApi.ts';

const rows: FeeRow[] = [
  { period: '2026-11-23', currency: 'USD', volume: 812077, fees: 24561, count: 19 },
  { period: '2026-11-16', currency: 'JPY', volume: 124457, fees: 3591, count: 2 },
  { period: '2026-11-16', currency: 'USD', volume: 5004210, fees: 150832, count: 121 },
  { period: '2026-11-23', currency: 'JPY', volume: 0, fees: 0, count: 0 },
];

describe('feeSeries', () => {
  it('splits the rows into one period-ordered series per currency, never adding currencies together', () => {
    const series = feeSeries(rows);
    expect([...series.keys()].sort()).toEqual(['JPY', 'USD']);
    const usd = series.get('USD')!;
    expect(usd.map((p) => p.period)).toEqual(['2026-11-16', '2026-11-23']);
    expect(usd[0]).toMatchObject({ volume: 50042.1, fees: 1508.32, count: 121, volumeMinor: 5004210, feesMinor: 150832 });
  });

  it('converts with each currency\'s exponent (yen have no minor unit)', () => {
    expect(feeSeries(rows).get('JPY')![0]).toMatchObject({ volume: 124457, fees: 3591 });
  });

  it('computes the effective rate in basis points, and leaves a gap where nothing was captured', () => {
    const jpy = feeSeries(rows).get('JPY')!;
    expect(jpy[0].effectiveBps).toBeCloseTo((3591 * 10_000) / 124457, 6);
    expect(jpy[1].effectiveBps).toBeNull();
  });

  it('totals a series with its overall rate (a weighted rate, not the mean of the periods)', () => {
    const t = seriesTotals(feeSeries(rows).get('USD')!);
    expect(t).toMatchObject({ volumeMinor: 5816287, feesMinor: 175393, count: 140 });
    expect(t.effectiveBps).toBeCloseTo((175393 * 10_000) / 5816287, 6);
  });

  it('orders currencies by activity, busiest first', () => {
    expect(currenciesByActivity(rows)).toEqual(['USD', 'JPY']);
    expect(feeSeries([])).toEqual(new Map());
  });
});

describe('planPoints and comparisonPoints', () => {
  const plan = (over: Partial<PlanRow>): PlanRow => ({
    plan_id: 'plan_a', name: 'A', plan_type: 'FLAT_RATE', currency: 'EUR', merchants: 1, merchants_on_plan: 3,
    volume: 10000, fees: 290, count: 2, effective_bps: 290, ...over,
  });

  it('keeps one currency, in the API\'s plan order, with no rate for a plan without volume', () => {
    const points = planPoints([
      plan({ currency: 'BRL', volume: 5 }), plan({}), plan({ currency: 'USD', volume: 999 }),
      plan({ plan_id: 'plan_b', name: 'B', volume: 0, fees: 0, effective_bps: 0 }),
      plan({ plan_id: 'plan_c', name: 'C', currency: 'USD', volume: 5000, fees: 150, effective_bps: 300, merchants: 2 }),
    ], 'EUR');
    expect(points.map((p) => p.planId)).toEqual(['plan_a', 'plan_b', 'plan_c']);
    expect(points[0]).toMatchObject({ volume: 100, fees: 2.9, effectiveBps: 290, merchantsOnPlan: 3 });
    expect(points[1].effectiveBps).toBeNull();
    // Plan C has USD volume only: on the EUR chart it is a zero bar, its USD money not shown as euros.
    expect(points[2]).toMatchObject({ volume: 0, fees: 0, volumeMinor: 0, merchants: 0, effectiveBps: null });
  });

  it('sorts the comparison cheapest first for the chosen currency', () => {
    const cost = (name: string, fees: number, currency = 'BHD'): PlanCost => ({
      plan_id: name, name, plan_type: 'FLAT_RATE', current: name === 'mid', currency, volume: 100000, count: 3, fees,
      effective_bps: fees / 10, difference: 0,
    });
    const points = comparisonPoints([cost('dear', 3000), cost('cheap', 1000), cost('mid', 2000), cost('other', 1, 'USD')], 'BHD');
    expect(points.map((p) => p.name)).toEqual(['cheap', 'mid', 'dear']);
    expect(points[0].feesMajor).toBe(1); // BHD has three decimals
  });
});

describe('formats', () => {
  it('writes axis money compactly with the currency symbol, in the user\'s language', () => {
    expect(formatMoneyCompact(1_250_000, 'USD', 'en-US')).toBe('$1.3M');
    expect(formatMoneyCompact(350_000, 'JPY', 'en-US')).toBe('¥350K');
    expect(formatMoneyCompact(12.5, 'USD', 'en-US')).toBe('$12.5');
    expect(formatMoneyCompact(0, 'EUR', 'en-US')).toBe('€0');
    expect(formatMoneyCompact(1_250_000, 'EUR', 'es-ES').replace(/\s/g, ' ')).toMatch(/^1,3 M ?€$/);
  });

  it('writes KPI rates as percentages; no volume means no rate', () => {
    expect(formatRate(0.029304029304029304, 'en-US')).toBe('2.93%');
    expect(formatRate(0, 'en-US')).toBe('0%');
    expect(formatBpsRate(290, 'en-US')).toBe('2.9%');
    expect(formatBpsRate(null, 'en-US')).toBe('—');
    expect(formatRate(0.0488, 'pt-BR').replace(/\s/g, ' ')).toBe('4,88%');
  });

  it('puts the percent axis on round steps above the highest rate', () => {
    expect(rateTicks(0)).toEqual([0, 100]);
    expect(rateTicks(383)).toEqual([0, 100, 200, 300, 400]);
    expect(rateTicks(650)).toEqual([0, 200, 400, 600, 800]);
  });

  it('labels periods by interval, in UTC whatever the browser\'s time zone', () => {
    expect(formatPeriod('2026-11-01', 'month', 'en-US')).toBe('Nov 2026');
    expect(formatPeriod('2026-11-16', 'week', 'en-US')).toBe('Nov 16');
  });
});

describe('query strings', () => {
  it('sends only the parameters that are set (the API refuses empty ones)', () => {
    expect(query({ from: '2026-01-01', merchant_id: undefined, plan_id: '', interval: 'week' })).toBe('?from=2026-01-01&interval=week');
    expect(query({})).toBe('');
  });
});
