// The stats, plan-comparison and reconciliation calls of docs/stats-api.md, as data provider
// methods (spread into dataProvider.ts) and the shapes they answer. Money is minor units.
import { fetchUtils } from 'react-admin';
import type { WorkListName } from '../../../shared/workLists.ts';

export type Interval = 'day' | 'week' | 'month';
export type ReportFormat = 'csv' | 'xlsx' | 'json';

export interface FeeRow { period: string; currency: string; volume: number; fees: number; count: number }

export interface PlanRow {
  plan_id: string; name: string; plan_type: string; currency: string; merchants: number; merchants_on_plan: number;
  volume: number; fees: number; count: number; effective_bps: number;
}

export interface CurrencyTotal { currency: string; volume: number; fees: number; count: number }
export interface Rate { events: number; payments: number; rate: number }

export interface DueDispute {
  id: string; merchant_id: string; payment_id: string; amount: number; currency: string; reason_code: string; reason: string;
  response_due_date: string; assignee_id: string | null;
}

/** A work list's total, as its list counts it (exact: false = "more than"). */
export interface WorkCount { count: number; exact: boolean }

export interface Overview {
  as_of: string;
  today: string;
  window: { from: string; to: string };
  volume_today: CurrencyTotal[];
  volume_30d: CurrencyTotal[];
  refund_rate: Rate;
  dispute_rate: Rate;
  work: Record<WorkListName, WorkCount>;
  payouts_awaiting_approval: {
    count: number;
    by_status: Record<string, number>;
    by_currency: { currency: string; count: number; amount: number }[];
  };
  /** Due by `to` or overdue, overdue first. */
  disputes_due_soon: { to: string; count: number; overdue: number; soonest: DueDispute[] };
}

export interface PlanCost {
  plan_id: string; name: string; plan_type: string; current: boolean; currency: string;
  volume: number; count: number; fees: number; effective_bps: number; difference: number;
}

export interface PlanComparison {
  merchant_id: string; current_plan_id: string; from: string; to: string; days: number;
  actual: (CurrencyTotal & { effective_bps: number })[];
  plans: PlanCost[];
}

export interface ReconciliationRow {
  date: string; merchant_id: string; merchant_name: string; currency: string; payment_count: number;
  payments: number; refunds: number; fees: number; dispute_debits: number; dispute_credits: number;
  adjustments: number; payouts: number; net: number; settled: number; unsettled: number;
}

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
  getReconciliation: (params: ReconciliationQuery) => get<ReconciliationRow[]>(reconciliationUrl(params, 'json')),
};

export type StatsMethods = typeof statsMethods;
