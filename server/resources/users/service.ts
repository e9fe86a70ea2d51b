// User management: creating a user (email, name, role, password) and changing a user's name, role
// and disabled flag. Disabling a user or changing their role ends their sessions at once, in the
// same transaction as the change and its audit row. Hashes never leave the server.
import type { Knex } from 'knex';
import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/enums.ts';
import { newId } from '../../../shared/ids.ts';
import { writeAudit } from '../../audit/audit.ts';
import { hashPassword, type ScryptCost } from '../../auth/password.ts';
import { checkPasswordPolicy } from '../../auth/passwordPolicy.ts';
import { destroyUserSessions } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import { conflict, notFound } from '../../errors.ts';
import type { Actor } from '../actor.ts';
import { cancelPendingGrants, requestAdminGrant, splitAdminGrant } from '../adminGrants/service.ts';
import { lockActiveAdmins, notAnAdminAnyMore } from './activeAdmins.ts';

// Names are shown in the SPA and written to logs and the audit trail: no control characters.
// eslint-disable-next-line no-control-regex
const Name = z.string().trim().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

// Only these fields are read from a body; anything else (id, password_hash, disabled, created_at…)
// is dropped by the schema, so it cannot be assigned.
export const UserCreate = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: Name,
  role: z.enum(ROLES),
  password: z.string().max(1024),
});
export type UserInput = { email: string; name: string; role: Role; password: string };

export const UserUpdate = z.object({
  name: Name.optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
});
export type UserChanges = z.infer<typeof UserUpdate>;

/**
 * Creates a user and returns its id. Takes the database rather than a transaction: the password
 * is hashed (slow, on purpose) before the transaction opens, so no lock is held meanwhile.
 * `actorId` is null when the CLI creates the user: whoever runs it holds the server itself, and
 * that is how the first admins come to be. An admin created by an admin is created disabled, with
 * a pending grant that a second admin must approve (adminGrants/service.ts).
 */
export async function createUser(
  ctx: Pick<AppContext, 'db' | 'passwordCost'>,
  input: UserInput,
  meta: { actorId: string | null; ip?: string | null; at: string; cost?: ScryptCost },
): Promise<string> {
  await checkPasswordPolicy(input.password, { email: input.email, name: input.name });
  const taken = () => conflict(`A user with email ${input.email} already exists`);
  if (await ctx.db('users').where('email', input.email).first('id')) throw taken();
  const passwordHash = await hashPassword(input.password, meta.cost ?? ctx.passwordCost);
  const id = newId('user');
  const needsGrant = input.role === 'admin' && meta.actorId !== null;
  await ctx.db.transaction(async (trx) => {
    // Checked again inside the transaction: another admin may have created it while we hashed;
    // on PostgreSQL two such transactions can still both pass, and the unique index decides.
    if (await trx('users').where('email', input.email).first('id')) throw taken();
    await trx('users')
      .insert({
        id, email: input.email, name: input.name, role: input.role, password_hash: passwordHash,
        disabled: needsGrant, created_at: meta.at, created_by: meta.actorId,
      })
      .catch((err: { code?: string }) => {
        throw err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' ? taken() : err;
      });
    await writeAudit(trx, {
      actorId: meta.actorId, action: 'user.created', entity: 'users', entityId: id,
      detail: { email: input.email, name: input.name, role: input.role }, ip: meta.ip, at: meta.at,
    });
    if (needsGrant) {
      await requestAdminGrant(trx, id, 'create', { disabled: false }, { id: meta.actorId!, ip: meta.ip ?? null, at: meta.at });
    }
  });
  return id;
}

/**
 * Applies the fields that differ; a change that changes nothing writes nothing (no audit row).
 * The active admins' rows are locked first: the actor must still be one, and a change that
 * demotes or disables an active admin must leave at least one (activeAdmins.ts says why this
 * holds under concurrency). The part of a change that would make an active admin of someone
 * (promoting, or enabling an admin) is not applied: it becomes a pending grant for a second admin
 * to approve, and any other change to the role or disabled flag cancels a grant still pending.
 * Returns the id of the grant asked for, if any.
 */
export async function updateUser(trx: Knex.Transaction, id: string, changes: UserChanges, actor: Actor): Promise<{ grantId: string | null }> {
  const admins = await lockActiveAdmins(trx);
  if (!admins.includes(actor.id)) throw notAnAdminAnyMore();
  const row = await trx('users').where({ id }).forUpdate().first('name', 'role', 'disabled');
  if (!row) throw notFound(`No users record with id "${id}"`);
  const before = { ...row, disabled: Boolean(row.disabled) };
  const was: Record<string, unknown> = before; // read by the names of the changes
  const diff = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && was[k] !== v)) as UserChanges;
  if (Object.keys(diff).length === 0) return { grantId: null };
  // An admin locking themselves out would leave nobody to undo it.
  if (id === actor.id && (diff.disabled === true || (diff.role && diff.role !== 'admin'))) {
    throw conflict('You cannot disable your own account or remove your own admin role');
  }
  const { grant, kind, rest } = splitAdminGrant(before, diff);
  // With the actor an active admin who cannot demote themselves this always leaves the actor;
  // kept as the rule itself, so no other path to a change can leave the app without an admin.
  const wasActiveAdmin = before.role === 'admin' && !before.disabled;
  const staysActiveAdmin = (rest.role ?? before.role) === 'admin' && !(rest.disabled ?? before.disabled);
  if (wasActiveAdmin && !staysActiveAdmin && admins.filter((a) => a !== id).length === 0) {
    throw conflict(`At least one active admin must remain: ${before.name} is the last one`);
  }
  if (rest.role !== undefined || rest.disabled !== undefined) await cancelPendingGrants(trx, id, actor);
  if (Object.keys(rest).length > 0) {
    await trx('users').where({ id }).update(rest);
    if (rest.disabled === true || rest.role) await destroyUserSessions(trx, id);
    await writeAudit(trx, {
      actorId: actor.id, action: 'user.updated', entity: 'users', entityId: id,
      detail: { from: Object.fromEntries(Object.keys(rest).map((k) => [k, was[k]])), to: rest }, ip: actor.ip, at: actor.at,
    });
  }
  return { grantId: grant ? await requestAdminGrant(trx, id, kind, grant, actor) : null };
}
