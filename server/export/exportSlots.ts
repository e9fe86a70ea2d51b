// How many exports may stream at once: EXPORTS_PER_USER per user and EXPORTS_AT_ONCE in this
// process (docs/stats-api.md, "Limits"). An export holds its slot from its first query until its
// last byte or the client hanging up; one more is refused before any work with 429, a JSON
// message and Retry-After. Each export yields to the event loop between batches, but every
// running export still costs a share of the one thread (and, on SQLite, of the one connection):
// the limits keep a burst of downloads from starving everyone else. Counted per process — with
// several instances, each has its own.
import type { AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';

/** Seconds a refused client is told to wait: about what a typical export takes. */
export const EXPORT_RETRY_AFTER_S = 10;

interface Slots {
  total: number;
  perUser: Map<string, number>;
}

const slotsOf = new WeakMap<AppContext, Slots>();

function tooMany(message: string): HttpError {
  return new HttpError(429, message, undefined, { 'Retry-After': String(EXPORT_RETRY_AFTER_S) });
}

/** Takes a slot for the user's export, or throws 429; the returned release is idempotent. */
export function takeExportSlot(ctx: AppContext, userId: string): () => void {
  let slots = slotsOf.get(ctx);
  if (!slots) slotsOf.set(ctx, (slots = { total: 0, perUser: new Map() }));
  const mine = slots.perUser.get(userId) ?? 0;
  if (mine >= ctx.config.EXPORTS_PER_USER) {
    throw tooMany(`You already have ${mine === 1 ? 'an export' : `${mine} exports`} running: try again when it has finished`);
  }
  if (slots.total >= ctx.config.EXPORTS_AT_ONCE) {
    throw tooMany('Too many exports are running right now: try again in a few seconds');
  }
  slots.total += 1;
  slots.perUser.set(userId, mine + 1);
  let released = false;
  const s = slots;
  return () => {
    if (released) return;
    released = true;
    s.total -= 1;
    const left = (s.perUser.get(userId) ?? 1) - 1;
    if (left > 0) s.perUser.set(userId, left);
    else s.perUser.delete(userId);
  };
}
