// Turns stats API rows into what the charts and KPI cards draw. Pure functions, so the rules
// (one series per currency, never summed across currencies; a rate only where there is volume)
// are tested without rendering anything.
import { toMajorUnits } from '../../../shared/currencies.ts';
import type { CurrencyTotal, FeeRow, PlanCost, PlanRow } from './statsApi.ts';

/** A point of the fee chart: major units for the axes, minor units kept for exact tooltips. */
export interface FeePoint {
  period: string;
  volume: number;
  fees: number;
  count: number;
  /** fees ÷ volume in basis points; null where nothing was captured (a gap, not a 0 % rate). */
  effectiveBps: number | null;
  volumeMinor: number;
  feesMinor: number;
}

export const effectiveBps = (fees: number, volume: number): number | null => (volume > 0 ? (fees * 10_000) / volume : null);

/** Currencies present in the rows, busiest (most payments) first: a count is comparable across currencies, money is not. */
export function currenciesByActivity(rows: { currency: string; count: number }[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.currency, (counts.get(r.currency) ?? 0) + r.count);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/** One continuous series per currency, in period order. */
export function feeSeries(rows: FeeRow[]): Map<string, FeePoint[]> {
  const series = new Map<string, FeePoint[]>();
  for (const r of [...rows].sort((a, b) => a.period.localeCompare(b.period))) {
    const points = series.get(r.currency) ?? [];
    points.push({
      period: r.period,
      volume: toMajorUnits(r.volume, r.currency),
      fees: toMajorUnits(r.fees, r.currency),
      count: r.count,
      effectiveBps: effectiveBps(r.fees, r.volume),
      volumeMinor: r.volume,
      feesMinor: r.fees,
    });
    series.set(r.currency, points);
  }
  return series;
}

/** Totals of one series, for the figures above the chart. */
export function seriesTotals(points: FeePoint[]) {
  const volumeMinor = points.reduce((s, p) => s + p.volumeMinor, 0);
  const feesMinor = points.reduce((s, p) => s + p.feesMinor, 0);
  const count = points.reduce((s, p) => s + p.count, 0);
  return { volumeMinor, feesMinor, count, effectiveBps: effectiveBps(feesMinor, volumeMinor) };
}

export interface PlanPoint {
  planId: string;
  name: string;
  planType: string;
  merchants: number;
  merchantsOnPlan: number;
  volume: number;
  fees: number;
  effectiveBps: number | null;
  volumeMinor: number;
  feesMinor: number;
}

/**
 * The plan chart's rows for one currency, in the API's plan order. Every plan is on the chart:
 * a plan with volume only in other currencies gets a zero bar (and no rate) in this one.
 */
export function planPoints(rows: PlanRow[], currency: string): PlanPoint[] {
  const plans = new Map<string, PlanRow>();
  for (const r of rows) if (!plans.has(r.plan_id) || r.currency === currency) plans.set(r.plan_id, r);
  return [...plans.values()].map((r) => {
    const mine = r.currency === currency;
    return {
      planId: r.plan_id,
      name: r.name,
      planType: r.plan_type,
      merchants: mine ? r.merchants : 0,
      merchantsOnPlan: r.merchants_on_plan,
      volume: mine ? toMajorUnits(r.volume, currency) : 0,
      fees: mine ? toMajorUnits(r.fees, currency) : 0,
      effectiveBps: mine && r.volume > 0 ? r.effective_bps : null,
      volumeMinor: mine ? r.volume : 0,
      feesMinor: mine ? r.fees : 0,
    };
  });
}

/** The plan comparison for one currency, cheapest first, with major units for the bars. */
export function comparisonPoints(plans: PlanCost[], currency: string) {
  return plans
    .filter((p) => p.currency === currency)
    .map((p) => ({ ...p, feesMajor: toMajorUnits(p.fees, p.currency) }))
    .sort((a, b) => a.fees - b.fees || a.name.localeCompare(b.name));
}

/** Sorted per-currency totals without the currencies that have nothing to show. */
export const nonZero = <T extends { currency: string }>(rows: T[], amount: (r: T) => number) =>
  rows.filter((r) => amount(r) !== 0).sort((a, b) => a.currency.localeCompare(b.currency));

export type ComparisonPoint = ReturnType<typeof comparisonPoints>[number];

export type { CurrencyTotal };
