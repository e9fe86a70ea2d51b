// The stats, plan-comparison and reconciliation calls of docs/stats-api.md, as data provider
// methods (spread into dataProvider.ts); the shapes they answer are shared/api/stats.ts. Money is minor units.
import { fetchUtils } from 'react-admin';
import type {
  CurrencyTotal, DueDispute, FeeRow, Interval, Overview, PlanComparison, PlanCost, PlanRow, Rate, ReconciliationPreview, ReconciliationRow,
  ReconciliationTotal, WorkCount,
} from '../../../shared/api/stats.ts';

export type ReportFormat = 'csv' | 'xlsx' | 'json';

export type {
  CurrencyTotal, DueDispute, FeeRow, Interval, Overview, PlanComparison, PlanCost, PlanRow, Rate, ReconciliationPreview, ReconciliationRow,
  ReconciliationTotal, WorkCount,
};

export interface FeeQuery { from: string; to: string; interval: Interval; merchant_id?: string; plan_id?: string; currency?: string }
export interface PlanQuery { from: string; to: string; currency?: string }
export interface ReconciliationQuery { from: string; to: string; merchant_id?: string; currency?: string }

/** A query string of the set values only: the API answers 400 to an empty parameter. */
export function query(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const get = async <T,>(url: string): Promise<T> =>
  (await fetchUtils.fetchJson(url, { credentials: 'same-origin' })).json as T;

/** The download link of the reconciliation report (same-origin cookie, so a plain anchor works). */
export function reconciliationUrl(params: ReconciliationQuery, format: ReportFormat): string {
  return `/api/reports/reconciliation${query({ ...params, format })}`;
}

export const statsMethods = {
  getFeeStats: (params: FeeQuery) => get<FeeRow[]>(`/api/stats/fees${query(params)}`),
  getPlanStats: (params: PlanQuery) => get<PlanRow[]>(`/api/stats/plans${query(params)}`),
  getOverview: () => get<Overview>('/api/stats/overview'),
  getPlanComparison: (merchantId: string, days = 90) =>
    get<PlanComparison>(`/api/stats/plan-comparison${query({ merchant_id: merchantId, days })}`),
  // The page's preview is a read, not the download: the download alone counts as an export
  // (limited to EXPORTS_PER_USER at a time, audited).
  getReconciliationPreview: (params: ReconciliationQuery) =>
    get<ReconciliationPreview>(`/api/reports/reconciliation/preview${query(params)}`),
};

export type StatsMethods = typeof statsMethods;
