// What the home page shows each role, fitted to its work: operators watch volume and refunds,
// support the disputes coming due, admins everything (including the payouts they approve).
import type { Role } from '../../../shared/enums.ts';

export type Widget =
  | 'volume_today' | 'volume_30d' | 'refund_rate' | 'dispute_rate' | 'payouts_awaiting' | 'disputes_due'
  | 'fee_chart' | 'plan_chart' | 'payouts_list' | 'disputes_list';

const WIDGETS: Record<Role, readonly Widget[]> = {
  operator: ['volume_today', 'volume_30d', 'refund_rate', 'dispute_rate', 'fee_chart', 'plan_chart'],
  support: ['disputes_due', 'dispute_rate', 'refund_rate', 'disputes_list'],
  admin: [
    'volume_today', 'volume_30d', 'refund_rate', 'dispute_rate', 'payouts_awaiting', 'disputes_due',
    'fee_chart', 'plan_chart', 'payouts_list', 'disputes_list',
  ],
};

export function widgetsFor(role: Role | undefined): Set<Widget> {
  return new Set(role ? WIDGETS[role] : []);
}
