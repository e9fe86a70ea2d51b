// Admin user management: POST /api/users creates, PUT /api/users/:id changes name, role and
// disabled. Disabling ends the user's sessions at once. Hashes never leave the server.
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { ROLES } from '../../../shared/enums.ts';
import { newId } from '../../../shared/ids.ts';
import { writeAudit } from '../../audit/audit.ts';
import { allow, currentUser } from '../../auth/middleware.ts';
import { hashPassword, type ScryptCost } from '../../auth/password.ts';
import { checkPasswordPolicy } from '../../auth/passwordPolicy.ts';
import { destroyUserSessions } from '../../auth/sessions.ts';
import { isoNow, type AppContext } from '../../context.ts';
import { conflict, notFound } from '../../errors.ts';
import { parseBody } from '../../http/validate.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { users } from './definition.ts';

// Names are shown in the SPA and written to logs and the audit trail: no control characters.
// eslint-disable-next-line no-control-regex
const Name = z.string().trim().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

// Only these fields are read from a body; anything else (id, password_hash, disabled, created_at…)
// is dropped by the schema, so it cannot be assigned.
const UserCreate = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: Name,
  role: z.enum(ROLES),
  password: z.string().max(1024),
});

const UserUpdate = z.object({
  name: Name.optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
});

export async function createUser(
  ctx: Pick<AppContext, 'db' | 'passwordCost'>,
  input: { email: string; name: string; role: (typeof ROLES)[number]; password: string },
  meta: { actorId: string | null; ip?: string | null; at: string; cost?: ScryptCost },
): Promise<string> {
  await checkPasswordPolicy(input.password, { email: input.email, name: input.name });
  const taken = () => conflict(`A user with email ${input.email} already exists`);
  if (await ctx.db('users').where('email', input.email).first('id')) throw taken();
  const passwordHash = await hashPassword(input.password, meta.cost ?? ctx.passwordCost);
  const id = newId('user');
  await ctx.db.transaction(async (trx) => {
    // Checked again inside the transaction: another admin may have created it while we hashed;
    // on PostgreSQL two such transactions can still both pass, and the unique index decides.
    if (await trx('users').where('email', input.email).first('id')) throw taken();
    await trx('users')
      .insert({
        id, email: input.email, name: input.name, role: input.role, password_hash: passwordHash,
        disabled: false, created_at: meta.at,
      })
      .catch((err: { code?: string }) => {
        throw err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' ? taken() : err;
      });
    await writeAudit(trx, {
      actorId: meta.actorId, action: 'user.created', entity: 'users', entityId: id,
      detail: { email: input.email, name: input.name, role: input.role }, ip: meta.ip, at: meta.at,
    });
  });
  return id;
}

export function mountUserRoutes(router: Router, ctx: AppContext): void {
  router.post('/', async (req: Request, res: Response) => {
    const actor = currentUser(req);
    const input = parseBody(UserCreate, req.body);
    const id = await createUser(ctx, input, { actorId: actor.id, ip: req.ip, at: isoNow(ctx) });
    res.status(201).json(await fetchOne(ctx.db, users, id));
  });

  router.put('/:id', async (req: Request, res: Response) => {
    const actor = currentUser(req);
    const id = String(req.params.id);
    const changes = parseBody(UserUpdate, req.body);
    await ctx.db.transaction(async (trx) => {
      const before = await trx('users').where({ id }).first('name', 'role', 'disabled');
      if (!before) throw notFound(`No users record with id "${id}"`);
      before.disabled = Boolean(before.disabled);
      const diff = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && before[k] !== v));
      if (Object.keys(diff).length === 0) return;
      // An admin locking themselves out would leave nobody to undo it.
      if (id === actor.id && (diff.disabled === true || (diff.role && diff.role !== 'admin'))) {
        throw conflict('You cannot disable your own account or remove your own admin role');
      }
      const at = isoNow(ctx);
      await trx('users').where({ id }).update(diff);
      if (diff.disabled === true || diff.role) await destroyUserSessions(trx, id);
      await writeAudit(trx, {
        actorId: actor.id, action: 'user.updated', entity: 'users', entityId: id,
        detail: { from: Object.fromEntries(Object.keys(diff).map((k) => [k, before[k]])), to: diff }, ip: req.ip, at,
      });
    });
    res.json(await fetchOne(ctx.db, users, id));
  });
}

export const adminOnly = allow('admin');
