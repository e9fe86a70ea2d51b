// Dual control means two people. An admin account that another admin created (they chose its
// first password) or asked to make an admin (created, promoted or re-enabled it) may be that
// admin's second identity, so the two never count as the two approvals of one payout — in either
// order (docs/security.md, "Dual control"; docs/money.md, "Payouts").
import type { Knex } from 'knex';
import { conflict } from '../../errors.ts';

const PAYOUT_REFUSAL = 'This approval cannot count: your account and the first approver\u2019s were created or made admin one by the other. '
  + 'A second approval must come from an admin the first approver did not create, promote or re-enable';

/**
 * 409 when `approverId` and any of `earlierIds` made one another: one created the other's account,
 * or asked for the grant that made the other an admin (an approved grant). Runs inside the
 * approval's transaction. Exact there on both engines: who created an account never changes, an
 * approved grant stays approved, and a grant that could add such a link (one approved for either
 * account) locks the active admins' rows — the approver's, which the approval holds FOR SHARE
 * (activeAdmins.ts#assertStillAdmin) — so it commits before this read or waits for the approval.
 */
export async function assertIndependentApprovers(
  trx: Knex.Transaction, approverId: string, earlierIds: string[], refusal: string = PAYOUT_REFUSAL,
): Promise<void> {
  const others = earlierIds.filter((id) => id !== approverId);
  if (others.length === 0) return;
  const created = await trx('users')
    .where((q) => q.where('id', approverId).whereIn('created_by', others))
    .orWhere((q) => q.whereIn('id', others).where('created_by', approverId))
    .first('id');
  const granted = created ?? await trx('admin_grants')
    .where('status', 'approved')
    .andWhere((w) => w
      .where((q) => q.where('user_id', approverId).whereIn('requested_by', others))
      .orWhere((q) => q.whereIn('user_id', others).where('requested_by', approverId)))
    .first('id');
  if (created || granted) throw conflict(refusal);
}
