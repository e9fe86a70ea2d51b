// payment_intent.created: the intent, once. Its status and amounts then follow its payment's
// events (payments.ts), so a second copy or a late one changes nothing.
import { writeAudit } from '../../../audit/audit.ts';
import { dataOf, IntentData } from './data.ts';
import type { Applier } from './types.ts';

export const applyIntentCreated: Applier = async ({ trx, event, actor }) => {
  const i = dataOf(IntentData, event.data);
  if (await trx('intents').where('id', i.id).first('id')) return; // stale
  if (!(await trx('merchants').where('id', i.merchant_id).first('id'))) return { waitingFor: i.merchant_id };
  const inserted = await trx('intents')
    .insert({ ...i, amount_captured: 0, amount_refunded: 0, amount_disputed: 0 })
    .onConflict('id').ignore().returning('id');
  if (inserted.length) {
    await writeAudit(trx, {
      actorId: actor.id, action: 'payment_intent.created', entity: 'intents', entityId: i.id, at: actor.at,
      detail: { event_id: event.id, amount: i.amount, currency: i.currency },
    });
  }
};
