// Admins change a merchant's status and plan; nothing else about a merchant is writable.
import type { Knex } from 'knex';
import { z } from 'zod';
import { MERCHANT_STATUSES } from '../../../shared/enums.ts';
import { writeAudit } from '../../audit/audit.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { Actor } from '../actor.ts';

export const MerchantUpdate = z.object({
  status: z.enum(MERCHANT_STATUSES).optional(),
  plan_id: z.string().min(1).max(40).optional(),
});
export type MerchantChanges = z.infer<typeof MerchantUpdate>;

/** Applies the fields that differ; a change that changes nothing writes nothing (no audit row). */
export async function updateMerchant(trx: Knex.Transaction, id: string, changes: MerchantChanges, actor: Actor): Promise<void> {
  const before = await trx('merchants').where({ id }).first('status', 'plan_id');
  if (!before) throw notFound(`No merchants record with id "${id}"`);
  const was: Record<string, unknown> = before; // read by the names of the changes
  if (changes.plan_id && !(await trx('plans').where('id', changes.plan_id).first('id'))) {
    throw badRequest(`Unknown plan "${changes.plan_id}"`, { plan_id: 'unknown plan' });
  }
  const diff = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && was[k] !== v));
  if (Object.keys(diff).length === 0) return;
  await trx('merchants').where({ id }).update({ ...diff, updated_at: actor.at });
  await writeAudit(trx, {
    actorId: actor.id, action: 'merchant.updated', entity: 'merchants', entityId: id,
    detail: { from: Object.fromEntries(Object.keys(diff).map((k) => [k, was[k]])), to: diff }, ip: actor.ip, at: actor.at,
  });
}
