// What an approver needs to know about a payout's state, read from the record itself: the
// server alone knows the dual-approval amount, so "needs a second approval" is what its status
// says (pending_second_approval), never a guess from the amount.
import type { RaRecord } from 'react-admin';
import { OPEN_PAYOUT_STATUSES } from '../../../../shared/enums.ts';

export { OPEN_PAYOUT_STATUSES };

export interface Approval {
  user_id: string;
  at: string;
}

export const isOpenPayout = (payout: RaRecord | undefined) =>
  !!payout && (OPEN_PAYOUT_STATUSES as readonly string[]).includes(payout.status);

export const approvalsOf = (payout: RaRecord | undefined): Approval[] => (payout?.approvals ?? []) as Approval[];

/** The admin gave an approval already: a second one must come from someone else. */
export const hasApproved = (payout: RaRecord | undefined, userId: string | number | undefined) =>
  userId !== undefined && approvalsOf(payout).some((a) => a.user_id === userId);

export const needsSecondApproval = (payout: RaRecord | undefined) => payout?.status === 'pending_second_approval';

/** GET /api/balances/<merchant_id>:<currency>: the balance a payout is drawn from. */
export const balanceIdOf = (payout: RaRecord) => `${payout.merchant_id}:${payout.currency}`;

/** Approvals the payout needs, as the server says (approvals_required); 2 once a first was given. */
export const approvalsRequiredOf = (payout: RaRecord | undefined): number =>
  Number(payout?.approvals_required ?? (needsSecondApproval(payout) ? 2 : 1));

/** The server said the available balance does not cover this open payout: approving is refused. */
export const isBalanceShort = (payout: RaRecord | undefined) => isOpenPayout(payout) && payout?.balance_short === true;

/** A decider's name as the API gave it (user_names), for roles that cannot read users. */
export const userNameIn = (payout: RaRecord | undefined, userId: string | null | undefined): string | undefined =>
  (userId ? payout?.user_names?.[userId] : undefined) ?? undefined;
