// Dual control over who becomes an admin (docs/security.md, "Dual control"). Creating an admin,
// promoting a user to admin and re-enabling a disabled admin do not take effect at once: they
// leave a pending grant, which a second, different admin approves (the change is made then) or
// rejects. Until then the account is not an active admin, so one admin cannot mint a second
// admin account to give the second approval of a payout on their own. A user has at most one
// pending grant: any later change to their role or disabled flag cancels it (the grant was asked
// for a state of the account that no longer holds).
import type { Knex } from 'knex';
import type { AdminGrantKind, Role } from '../../../shared/enums.ts';
import { newId } from '../../../shared/ids.ts';
import { writeAudit } from '../../audit/audit.ts';
import { destroyUserSessions } from '../../auth/sessions.ts';
import { transition } from '../../db/transition.ts';
import { conflict, notFound } from '../../errors.ts';
import type { Actor } from '../actor.ts';
import { lockActiveAdmins, notAnAdminAnyMore } from '../users/activeAdmins.ts';
import { assertIndependentApprovers } from './independence.ts';

/** The user's fields an approval sets. */
export interface GrantChanges {
  role?: 'admin';
  disabled?: false;
}

/**
 * The part of a change to a user that would make an active admin of someone who is not one
 * (promoting to admin, or enabling an admin), and the rest, which applies at once. A promotion of
 * a disabled user needs a grant as well: enabling them later would then need none.
 */
export function splitAdminGrant(
  before: { role: Role; disabled: boolean },
  diff: { role?: Role; disabled?: boolean },
): { grant: GrantChanges | null; kind: AdminGrantKind; rest: typeof diff } {
  const promotes = diff.role === 'admin' && before.role !== 'admin';
  const enablesAdmin = diff.disabled === false && before.disabled && (diff.role ?? before.role) === 'admin';
  if (!promotes && !enablesAdmin) return { grant: null, kind: 'promote', rest: diff };
  const grant: GrantChanges = {};
  const rest = { ...diff };
  if (promotes) {
    grant.role = 'admin';
    delete rest.role;
  }
  if (enablesAdmin) {
    grant.disabled = false;
    delete rest.disabled;
  }
  return { grant, kind: promotes ? 'promote' : 'enable', rest };
}

/** Records the request; the account stays as it is until another admin approves. Returns the grant id. */
export async function requestAdminGrant(
  trx: Knex.Transaction, userId: string, kind: AdminGrantKind, changes: GrantChanges, actor: Actor,
): Promise<string> {
  await cancelPendingGrants(trx, userId, actor);
  const id = newId('adminGrant');
  await trx('admin_grants').insert({
    id, user_id: userId, kind, changes: JSON.stringify(changes), status: 'pending', requested_by: actor.id, requested_at: actor.at,
  });
  await writeAudit(trx, {
    actorId: actor.id, action: 'admin_grant.requested', entity: 'users', entityId: userId,
    detail: { grant_id: id, kind, changes }, ip: actor.ip, at: actor.at,
  });
  return id;
}

/** Cancels the user's pending grant, if any: another change to the account supersedes it. */
export async function cancelPendingGrants(trx: Knex.Transaction, userId: string, actor: Actor): Promise<void> {
  const pending = await trx('admin_grants').where({ user_id: userId, status: 'pending' }).select('id', 'kind');
  for (const g of pending) {
    if (!(await transition(trx, 'admin_grants', g.id, ['pending'], { status: 'cancelled', decided_by: actor.id, decided_at: actor.at }))) continue;
    await writeAudit(trx, {
      actorId: actor.id, action: 'admin_grant.cancelled', entity: 'users', entityId: userId,
      detail: { grant_id: g.id, kind: g.kind }, ip: actor.ip, at: actor.at,
    });
  }
}

interface Grant {
  id: string;
  user_id: string;
  kind: AdminGrantKind;
  changes: GrantChanges;
  status: string;
  requested_by: string;
}

async function loadPending(trx: Knex.Transaction, id: string): Promise<Grant> {
  const row = await trx('admin_grants').where('id', id).first('id', 'user_id', 'kind', 'changes', 'status', 'requested_by');
  if (!row) throw notFound(`No admin grant with id "${id}"`);
  if (row.status !== 'pending') throw conflict(`This admin grant is ${row.status}; only pending grants can be decided`);
  return { ...row, changes: JSON.parse(row.changes) };
}

const changedMeanwhile = () => conflict('This admin grant was decided or cancelled meanwhile; reload and try again');

/**
 * A second admin approves: the account becomes an active admin now. The approver must be an
 * active admin other than the one who asked and other than the account itself, and independent of
 * both (independence.ts); the one who asked must still be an active admin (a request from someone since demoted or disabled dies with
 * their role). The active admins' rows are locked first, as every user change does
 * (activeAdmins.ts), so this serialises with demotions and other grants.
 */
export async function approveAdminGrant(trx: Knex.Transaction, id: string, actor: Actor): Promise<void> {
  const admins = await lockActiveAdmins(trx);
  if (!admins.includes(actor.id)) throw notAnAdminAnyMore();
  const grant = await loadPending(trx, id);
  if (grant.requested_by === actor.id) {
    throw conflict('You asked for this admin grant; a second, different admin must approve it');
  }
  if (grant.user_id === actor.id) throw conflict('Nobody can approve an admin grant for their own account');
  if (!admins.includes(grant.requested_by)) {
    throw conflict('The admin who asked for this grant is no longer an active admin; reject it, or ask again yourself');
  }
  // Two people here too: not an account the asker created or made an admin (nor its maker), and
  // not the maker of the account itself (who chose its first password).
  await assertIndependentApprovers(trx, actor.id, [grant.requested_by, grant.user_id],
    'Your account and the one who asked for this grant (or the account itself) were created or made admin one by the other; '
    + 'an independent admin must approve it');
  const won = await transition(trx, 'admin_grants', id, ['pending'], { status: 'approved', decided_by: actor.id, decided_at: actor.at });
  if (!won) throw changedMeanwhile();
  await trx('users').where('id', grant.user_id).update(grant.changes);
  // As with any role change, the account's sessions end: it signs in again as an admin.
  if (grant.changes.role) await destroyUserSessions(trx, grant.user_id);
  await writeAudit(trx, {
    actorId: actor.id, action: 'admin_grant.approved', entity: 'users', entityId: grant.user_id,
    detail: { grant_id: id, kind: grant.kind, changes: grant.changes, requested_by: grant.requested_by }, ip: actor.ip, at: actor.at,
  });
}

/** Any active admin may reject a pending grant, the one who asked included (to withdraw it). */
export async function rejectAdminGrant(trx: Knex.Transaction, id: string, actor: Actor): Promise<void> {
  const admins = await lockActiveAdmins(trx);
  if (!admins.includes(actor.id)) throw notAnAdminAnyMore();
  const grant = await loadPending(trx, id);
  const won = await transition(trx, 'admin_grants', id, ['pending'], { status: 'rejected', decided_by: actor.id, decided_at: actor.at });
  if (!won) throw changedMeanwhile();
  await writeAudit(trx, {
    actorId: actor.id, action: 'admin_grant.rejected', entity: 'users', entityId: grant.user_id,
    detail: { grant_id: id, kind: grant.kind, requested_by: grant.requested_by }, ip: actor.ip, at: actor.at,
  });
}
