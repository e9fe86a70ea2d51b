// merchant.created / merchant.updated carry the whole merchant: either creates it when missing;
// an existing one takes the event's fields only when the event's version (`updated_at`) is newer
// than what the back office holds, so a late, older event never undoes a newer one.
import { writeAudit } from '../../../audit/audit.ts';
import { dataOf, MerchantData } from './data.ts';
import { EventRejected, type Applier } from './types.ts';

export const applyMerchant: Applier = async ({ trx, event, actor }) => {
  const m = dataOf(MerchantData, event.data);
  if (!(await trx('plans').where('id', m.plan_id).first('id'))) {
    // Plans are not sent as events: a missing one will not arrive by waiting.
    throw new EventRejected(`Unknown plan "${m.plan_id}": create the plan, then retry this event`);
  }
  const existing = await trx('merchants').where('id', m.id).first();
  const audit = { actorId: actor.id, entity: 'merchants' as const, entityId: m.id, at: actor.at, detail: { event_id: event.id } };
  if (!existing) {
    const inserted = await trx('merchants').insert(m).onConflict('id').ignore().returning('id');
    if (inserted.length) await writeAudit(trx, { ...audit, action: 'merchant.created' });
    return;
  }
  if (m.updated_at <= existing.updated_at) return; // stale
  const fields = ['name', 'email', 'country', 'default_currency', 'status', 'plan_id'] as const;
  const changed = fields.filter((f) => existing[f] !== m[f]);
  await trx('merchants').where('id', m.id).where('updated_at', '<', m.updated_at)
    .update({ ...Object.fromEntries(fields.map((f) => [f, m[f]])), updated_at: m.updated_at });
  if (changed.length) await writeAudit(trx, { ...audit, action: 'merchant.updated', detail: { event_id: event.id, changed } });
};
