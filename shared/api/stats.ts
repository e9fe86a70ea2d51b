// What GET /api/stats/* and /api/reports/reconciliation answer (docs/stats-api.md), written once:
// the server's functions return these types and the SPA reads them, so a change to a response
// on one side fails `tsc` on the other. Money is in minor units.
import type { PlanType } from '../enums.ts';
import type { WorkListName } from '../workLists.ts';

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export interface Totals {
  volume: number;
  fees: number;
  count: number;
}

export interface CurrencyTotal extends Totals {
  currency: string;
}

/** GET /api/stats/fees: one row per period and currency. */
export interface FeeRow extends Totals {
  period: string;
  currency: string;
}

/** GET /api/stats/plans: one row per plan and currency. */
export interface PlanRow extends Totals {
  plan_id: string;
  name: string;
  plan_type: string;
  currency: string;
  /** Merchants on the plan with captured volume in this currency in the range. */
  merchants: number;
  /** Merchants on the plan today, whatever their volume. */
  merchants_on_plan: number;
  effective_bps: number;
}

export interface Rate {
  /** Events in the window: succeeded refunds, or disputes opened. */
  events: number;
  /** Payments captured in the window. */
  payments: number;
  /** events / payments as a fraction (0.0123 = 1.23 %); 0 when nothing was captured. */
  rate: number;
}

/** A work list's total, as its list counts it. */
export interface WorkCount {
  count: number;
  /** False when more rows match than `count` says ("more than 10,000", as the list says it). */
  exact: boolean;
}

export interface DueDispute {
  id: string;
  merchant_id: string;
  payment_id: string;
  amount: number;
  currency: string;
  reason_code: string;
  reason: string;
  response_due_date: string;
  assignee_id: string | null;
}

/** GET /api/stats/overview: the dashboard's numbers, as of the server's UTC day. */
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

export interface CurrencyCost extends CurrencyTotal {
  effective_bps: number;
}

export interface PlanCost extends CurrencyCost {
  plan_id: string;
  name: string;
  plan_type: PlanType;
  current: boolean;
  /** fees on this plan − fees actually charged (negative: this plan would have been cheaper). */
  difference: number;
}

/** GET /api/stats/plan-comparison. */
export interface PlanComparison {
  merchant_id: string;
  current_plan_id: string;
  from: string;
  to: string;
  days: number;
  actual: CurrencyCost[];
  plans: PlanCost[];
}

/** GET /api/reports/reconciliation?format=json: one row per day, merchant and currency. */
export interface ReconciliationRow {
  date: string;
  merchant_id: string;
  merchant_name: string;
  currency: string;
  payment_count: number;
  payments: number;
  refunds: number;
  fees: number;
  dispute_debits: number;
  dispute_credits: number;
  adjustments: number;
  payouts: number;
  net: number;
  settled: number;
  unsettled: number;
}

/** A currency's sums over every row of the report (money of different currencies is never added together). */
export type ReconciliationTotal = Omit<ReconciliationRow, 'date' | 'merchant_id' | 'merchant_name'>;

/**
 * GET /api/reports/reconciliation/preview: what the Reports page shows — the first rows, how many
 * there are and the totals per currency. A read like a list page, not a download: no export slot,
 * no audit row (only the download is an export).
 */
export interface ReconciliationPreview {
  rows: ReconciliationRow[];
  total: number;
  totals: ReconciliationTotal[];
}
