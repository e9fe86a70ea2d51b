// What an approver sees at a glance on every payout the API answers with (docs/money.md,
// "Payouts"): how many approvals it needs (only the server knows the dual-approval amount) and,
// while it awaits a decision, whether the merchant's available balance falls short of it — the
// approval the server would refuse, said before anyone clicks. And who approved or declined it,
// by name, for every role that reads payouts (the users list is admins' only).
import type { Knex } from 'knex';
import { OPEN_PAYOUT_STATUSES } from '../../../shared/enums.ts';
import type { Config } from '../../config.ts';
import type { ComputedFields } from '../../list/definition.ts';
import { balanceId } from '../../ledger/ledger.ts';


export const approvalsRequired = (amount: number, config: Pick<Config, 'PAYOUT_DUAL_APPROVAL_MINOR'>) =>
  (amount >= config.PAYOUT_DUAL_APPROVAL_MINOR ? 2 : 1);

type PayoutRecord = {
  merchant_id: string;
  currency: string;
  amount: number | string;
  status: string;
  approvals_required?: number;
  balance_short?: boolean | null;
  approvals: Array<{ user_id: string }>;
  decided_by?: string | null;
  user_names?: Record<string, string>;
};

export const payoutReview: ComputedFields<PayoutRecord> = {
  fields: ['approvals_required', 'balance_short', 'user_names'],
  async add(db: Knex | Knex.Transaction, records: PayoutRecord[], config: Config) {
    const open = records.filter((r) => (OPEN_PAYOUT_STATUSES as readonly string[]).includes(r.status));
    const ids = [...new Set(open.map((r) => balanceId(r.merchant_id, r.currency)))];
    const rows: Array<{ id: string; available: number | string }> = ids.length ? await db('balances').whereIn('id', ids).select('id', 'available') : [];
    const available = new Map(rows.map((b) => [b.id, Number(b.available)]));
    const deciders = (r: PayoutRecord) => [...(r.approvals ?? []).map((a) => a.user_id), ...(r.decided_by ? [r.decided_by] : [])];
    const userIds = [...new Set(records.flatMap(deciders))];
    const users: Array<{ id: string; name: string }> = userIds.length ? await db('users').whereIn('id', userIds).select('id', 'name') : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    for (const r of records) {
      r.approvals_required = approvalsRequired(Number(r.amount), config);
      r.balance_short = open.includes(r) ? (available.get(balanceId(r.merchant_id, r.currency)) ?? 0) < Number(r.amount) : null;
      r.user_names = Object.fromEntries(deciders(r).filter((id) => names.has(id)).map((id) => [id, names.get(id)!]));
    }
  },
};
