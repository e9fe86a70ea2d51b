// The lists the home page counts and links to, each written once as a list-protocol filter: the
// server counts every one through the list engine (GET /api/stats/overview) and the SPA links to
// the very same filter, so a card's number is always the number of rows behind its link. "Today"
// is the server's UTC day (shared/days.ts), the one rule for the whole dashboard.
import { addDays } from './days.ts';
import { OPEN_PAYOUT_STATUSES } from './enums.ts';

/** "Due soon": the response is due within this many days after today, or already overdue. */
export const DUE_SOON_DAYS = 3;

export const WORK_LISTS = [
  'payouts_to_approve', 'disputes_to_answer', 'disputes_due_soon', 'disputes_overdue', 'payments_declined_today',
  'refunds_pending',
] as const;
export type WorkListName = (typeof WORK_LISTS)[number];

export interface WorkList {
  resource: string;
  filter: Record<string, unknown>;
  /** The order the work is done in. */
  sort: [field: string, order: 'ASC' | 'DESC'];
}

export function workLists(today: string): Record<WorkListName, WorkList> {
  const byDueDate: WorkList['sort'] = ['response_due_date', 'ASC'];
  return {
    payouts_to_approve: { resource: 'payouts', filter: { status: [...OPEN_PAYOUT_STATUSES] }, sort: ['created_at', 'ASC'] },
    disputes_to_answer: { resource: 'disputes', filter: { status: 'needs_response' }, sort: byDueDate },
    // Overdue ones included, and first: they are the most urgent.
    disputes_due_soon: {
      resource: 'disputes', filter: { status: 'needs_response', response_due_date_lte: addDays(today, DUE_SOON_DAYS) }, sort: byDueDate,
    },
    disputes_overdue: { resource: 'disputes', filter: { status: 'needs_response', response_due_date_lt: today }, sort: byDueDate },
    // A bare day on a datetime field is the start of that UTC day (docs/stats-api.md).
    payments_declined_today: { resource: 'payments', filter: { status: 'failed', created_at_gte: today }, sort: ['created_at', 'DESC'] },
    refunds_pending: { resource: 'refunds', filter: { status: 'pending' }, sort: ['created_at', 'ASC'] },
  };
}

/** The SPA path of a work list: react-admin reads filter, sort and order from the query string. */
export function workListPath({ resource, filter, sort }: WorkList): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), sort: sort[0], order: sort[1] });
  return `/${resource}?${params}`;
}
