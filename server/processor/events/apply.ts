// Applying a stored event (docs/processor.md, "Storage first"): one transaction holds the event's
// conditional status change (from received/parked/failed, so of two instances exactly one gets
// it) and every effect of its applier — rows, ledger, audit. An event that needs an object not
// here yet is parked; an applier's refusal or any unexpected error rolls the effects back and
// leaves the event `failed` with the reason. When an event applies, the events parked waiting for
// its object are applied right after.
import { PROCESSOR_ACTOR } from '../../../shared/auditActions.ts';
import { ID_PREFIXES } from '../../../shared/ids.ts';
import { isoNow, type AppContext } from '../../context.ts';
import { HttpError } from '../../errors.ts';
import { metrics } from '../../metrics/metrics.ts';
import { APPLIERS } from './appliers/index.ts';
import { Contended, EventRejected } from './appliers/types.ts';
import type { Envelope } from './envelope.ts';

export type EventOutcome = 'applied' | 'parked' | 'failed' | 'duplicate';

/** The statuses an event may be (re)applied from. */
const APPLICABLE = ['received', 'parked', 'failed'];
const MAX_CONTENTION_RETRIES = 5;
/** How deep a chain of woken events may go in one call (the sweep takes the rest). */
const MAX_WAKE_DEPTH = 16;

type Ctx = Pick<AppContext, 'db' | 'now' | 'log'>;

/** Applies the stored event `id` (and then what waited for it); what became of it. */
export async function applyEvent(ctx: Ctx, id: string, depth = 0): Promise<EventOutcome> {
  return afterwards(ctx, id, await applyOnce(ctx, id), depth);
}

/** What follows an attempt: waking what waited for the object applied, or re-checking a park. */
async function afterwards(ctx: Ctx, id: string, outcome: Once, depth: number): Promise<EventOutcome> {
  if (outcome.status === 'applied' && outcome.objectId) await wake(ctx, outcome.objectId, depth);
  if (outcome.status === 'parked' && depth < MAX_WAKE_DEPTH && (await arrived(ctx, outcome.waitingFor))) {
    // What it waits for committed between our read and our park (another instance applied it
    // and looked for waiting events before ours was parked): try again now rather than at the sweep.
    return applyEvent(ctx, id, depth + 1);
  }
  return outcome.status;
}

type Once = { status: 'applied'; objectId?: string } | { status: 'parked'; waitingFor: string } | { status: 'failed' | 'duplicate' };

async function applyOnce(ctx: Ctx, id: string): Promise<Once> {
  for (let attempt = 0; ; attempt++) {
    let type = 'unknown';
    try {
      return await ctx.db.transaction(async (trx): Promise<Once> => {
        const row = await trx('processor_events').where('id', id).first('type', 'payload', 'status');
        if (!row || !APPLICABLE.includes(row.status)) return { status: 'duplicate' };
        type = row.type;
        const at = isoNow(ctx);
        const claimed = await trx('processor_events').where('id', id).whereIn('status', APPLICABLE)
          .update({ status: 'applied', applied_at: at, waiting_for: null, error: null, attempts: trx.raw('attempts + 1') });
        if (claimed !== 1) return { status: 'duplicate' }; // another instance applied it meanwhile
        const event = JSON.parse(row.payload) as Envelope;
        const applier = APPLIERS[event.type as keyof typeof APPLIERS];
        if (!applier) throw new EventRejected(`Unknown event type "${event.type}"`);
        const result = await applier({ trx, event, actor: { id: PROCESSOR_ACTOR, ip: null, at } });
        if (result?.waitingFor) {
          await trx('processor_events').where('id', id).update({ status: 'parked', waiting_for: result.waitingFor, applied_at: null });
          metrics.eventOutcome(type, 'parked');
          return { status: 'parked', waitingFor: result.waitingFor };
        }
        metrics.eventOutcome(type, 'applied');
        return { status: 'applied', objectId: event.data.id };
      });
    } catch (err) {
      if (err instanceof Contended && attempt < MAX_CONTENTION_RETRIES) continue;
      const known = err instanceof EventRejected || err instanceof HttpError;
      const message = known ? (err as Error).message
        : err instanceof Contended ? 'The object kept changing while this event was applied; retry it'
        : `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
      if (!known) ctx.log.error({ err, event: id }, 'processor event failed unexpectedly');
      await ctx.db('processor_events').where('id', id).whereIn('status', APPLICABLE)
        .update({ status: 'failed', error: message.slice(0, 2000), waiting_for: null, applied_at: null, attempts: ctx.db.raw('attempts + 1') });
      metrics.eventOutcome(type, 'failed');
      return { status: 'failed' };
    }
  }
}

/** Applies, oldest first, the parked events that wait for `objectId`. */
async function wake(ctx: Ctx, objectId: string, depth: number): Promise<void> {
  if (depth >= MAX_WAKE_DEPTH) return;
  const waiting = await ctx.db('processor_events').where({ waiting_for: objectId, status: 'parked' })
    .orderBy([{ column: 'received_at' }, { column: 'id' }]).select('id');
  for (const { id } of waiting) await applyEvent(ctx, id, depth + 1);
}

/** The table each id prefix names, for "has the object a parked event waits for arrived?". */
const TABLE_OF_PREFIX: Record<string, string> = {
  [ID_PREFIXES.merchant]: 'merchants', [ID_PREFIXES.intent]: 'intents', [ID_PREFIXES.payment]: 'payments',
  [ID_PREFIXES.refund]: 'refunds', [ID_PREFIXES.dispute]: 'disputes', [ID_PREFIXES.payout]: 'payouts',
};

async function arrived(ctx: Ctx, objectId: string): Promise<boolean> {
  const table = TABLE_OF_PREFIX[objectId.split('_')[0]];
  if (!table) return false;
  const row = await ctx.db(table).where('id', objectId).first(table === 'payments' ? 'status' : 'id');
  // Refunds and disputes wait for their payment to be captured, not only to exist.
  return table === 'payments' ? row?.status === 'captured' : Boolean(row);
}

/**
 * Retries what may have been left: events still `received` a while after they came (the process
 * died between storing and applying) and every parked one. Returns how many it tried.
 */
export async function sweepEvents(ctx: Ctx, opts: { receivedBeforeMs?: number; limit?: number } = {}): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - (opts.receivedBeforeMs ?? 60_000)).toISOString();
  const rows = await ctx.db('processor_events')
    .where((q) => q.where('status', 'parked').orWhere((r) => r.where('status', 'received').where('received_at', '<', cutoff)))
    .orderBy([{ column: 'received_at' }, { column: 'id' }]).limit(opts.limit ?? 500).select('id');
  for (const { id } of rows) await applyEvent(ctx, id);
  return rows.length;
}

/**
 * The common case in one transaction: a new event stored already `applied` (or `parked`) together
 * with its effects — one commit instead of storing, then re-reading, claiming and applying. Null
 * when that is not how it went: the id is stored already, or the applier refused or failed (the
 * transaction rolled back, nothing is stored), so the step-by-step path below takes over, stores
 * it first and records whatever becomes of it.
 */
async function storeApplied(ctx: Ctx, envelope: Envelope, payload: string): Promise<Once | null> {
  const applier = APPLIERS[envelope.type as keyof typeof APPLIERS];
  if (!applier) return null;
  try {
    return await ctx.db.transaction(async (trx): Promise<Once | null> => {
      const at = isoNow(ctx);
      const inserted = await trx('processor_events').insert({
        id: envelope.id, type: envelope.type, object_id: envelope.data.id.slice(0, 60), status: 'applied', payload,
        received_at: at, applied_at: at, attempts: 1,
      }).onConflict('id').ignore().returning('id');
      if (!inserted.length) return null;
      // What the appliers get on every path: the payload as stored, not the parsed envelope.
      const event = JSON.parse(payload) as Envelope;
      const result = await applier({ trx, event, actor: { id: PROCESSOR_ACTOR, ip: null, at } });
      if (result?.waitingFor) {
        await trx('processor_events').where('id', envelope.id).update({ status: 'parked', waiting_for: result.waitingFor, applied_at: null });
        metrics.eventOutcome(envelope.type, 'parked');
        return { status: 'parked', waitingFor: result.waitingFor };
      }
      metrics.eventOutcome(envelope.type, 'applied');
      return { status: 'applied', objectId: event.data.id };
    });
  } catch {
    return null;
  }
}

/**
 * Stores a signed envelope and applies it. The same id again is `duplicate` and changes nothing
 * (a copy still received or parked is tried again, in case the first delivery's process died).
 */
export async function receiveEvent(ctx: Ctx, envelope: Envelope, payload: string): Promise<{ id: string; status: EventOutcome }> {
  metrics.eventReceived(envelope.type);
  const done = await storeApplied(ctx, envelope, payload);
  if (done) return { id: envelope.id, status: await afterwards(ctx, envelope.id, done, 0) };
  const inserted = await ctx.db('processor_events').insert({
    id: envelope.id, type: envelope.type, object_id: envelope.data.id.slice(0, 60), status: 'received', payload,
    received_at: isoNow(ctx), attempts: 0,
  }).onConflict('id').ignore().returning('id');
  if (!inserted.length) {
    const row = await ctx.db('processor_events').where('id', envelope.id).first('status');
    if (row && (row.status === 'received' || row.status === 'parked')) await applyEvent(ctx, envelope.id);
    metrics.eventOutcome(envelope.type, 'duplicate');
    return { id: envelope.id, status: 'duplicate' };
  }
  const outcome = await applyEvent(ctx, envelope.id);
  if (outcome !== 'duplicate') return { id: envelope.id, status: outcome };
  // A copy delivered at the same time got to it first (its apply waited for ours to be stored):
  // this first delivery answers what became of the event.
  const row = await ctx.db('processor_events').where('id', envelope.id).first('status');
  return { id: envelope.id, status: row && row.status !== 'received' ? row.status : 'duplicate' };
}

/** An admin's retry of a failed or parked event: its outcome, or null when it is not one. */
export async function retryEvent(ctx: Ctx, id: string): Promise<EventOutcome | null> {
  const row = await ctx.db('processor_events').where('id', id).first('status');
  if (!row || !['failed', 'parked'].includes(row.status)) return null;
  return applyEvent(ctx, id);
}
