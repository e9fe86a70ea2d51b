// There is always at least one active admin, also when admins change each other at the same
// moment, and an admin's action counts only while they still are one. Checked inside the
// transaction that makes the change, on rows it has locked:
//   - A user change takes the active admins' rows FOR UPDATE, in id order (so two such
//     transactions queue up instead of deadlocking). The second of two admins demoting or
//     disabling each other then waits for the first, sees the committed result (PostgreSQL
//     re-checks locked rows against the WHERE, dropping the demoted one) and is refused. A count
//     in a conditional UPDATE could not do this: its subquery would read the old snapshot.
//   - Other admin actions (payout decisions) take the actor's own row FOR SHARE: they wait for a
//     user change that is demoting the actor, then see it.
// SQLite runs one transaction at a time, so the same reads are exact there without locks.
import type { Knex } from 'knex';
import { conflict } from '../../errors.ts';

/** The ids of the active admins, their rows locked until the transaction ends. */
export async function lockActiveAdmins(trx: Knex.Transaction): Promise<string[]> {
  const rows = await trx('users').where({ role: 'admin', disabled: false }).orderBy('id').forUpdate().select('id');
  return rows.map((r) => r.id);
}

export const notAnAdminAnyMore = () =>
  conflict('Your account is no longer an active admin (another admin changed it meanwhile); nothing was changed');

/** 409 unless the actor is still an active admin; their row stays share-locked until the transaction ends. */
export async function assertStillAdmin(trx: Knex.Transaction, actorId: string): Promise<void> {
  const me = await trx('users').where({ id: actorId, role: 'admin', disabled: false }).forShare().first('id');
  if (!me) throw notAnAdminAnyMore();
}
