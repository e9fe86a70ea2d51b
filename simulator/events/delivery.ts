// Delivers queued events to the back office: signed at send time, a few at once, retried with
// exponential backoff (and jitter) for as long as the back office does not answer 2xx — an
// event is never given up. Delivery is at-least-once and, under the fault knobs, duplicated and
// reordered on purpose: the back office must cope, as with any real processor.
import { iso, signingSecret, type SimContext } from '../context.ts';
import { SIGNATURE_HEADER, signatureHeader } from '../../shared/processorSignature.ts';

interface QueuedEvent {
  seq: number;
  event_id: string;
  body: string;
  attempts: number;
  duplicate: boolean | number;
}

export interface DeliveryRound {
  /** Rows that were due. */
  due: number;
  delivered: number;
  failed: number;
}

/** The wait before attempt n+1 after n failures: doubling from the base, capped, jittered to [½, 1]. */
export function backoffMs(ctx: SimContext, attempts: number): number {
  const base = ctx.config.SIMULATOR_RETRY_BASE_MS;
  const cap = Math.min(ctx.config.SIMULATOR_RETRY_MAX_MS, base * 2 ** Math.min(attempts - 1, 30));
  return Math.round(cap / 2 + (ctx.random() * cap) / 2);
}

export async function deliverDue(ctx: SimContext, limit = 200): Promise<DeliveryRound> {
  const rows: QueuedEvent[] = await ctx.db('sim_events')
    .whereNull('delivered_at')
    .where('next_attempt_at', '<=', ctx.now())
    .orderBy([{ column: 'next_attempt_at' }, { column: 'seq' }])
    .limit(limit)
    .select('seq', 'event_id', 'body', 'attempts', 'duplicate');
  if (ctx.faults.reorder_rate > 0) shuffle(rows, ctx.random);
  const round: DeliveryRound = { due: rows.length, delivered: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      const ok = await deliverOne(ctx, row);
      if (ok) round.delivered++;
      else round.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(ctx.config.SIMULATOR_DELIVERY_CONCURRENCY, rows.length) }, worker));
  return round;
}

async function deliverOne(ctx: SimContext, row: QueuedEvent): Promise<boolean> {
  const result = await send(ctx, row.body);
  const attempts = row.attempts + 1;
  const at = ctx.now();
  if (result.ok) {
    await ctx.db('sim_events').where('seq', row.seq).update({ delivered_at: at, attempts, last_status: result.status, last_error: null });
    if (!row.duplicate && ctx.faults.duplicate_rate > 0 && ctx.random() < ctx.faults.duplicate_rate) {
      const original = await ctx.db('sim_events').where('seq', row.seq).first();
      await ctx.db('sim_events').insert({
        event_id: original.event_id, type: original.type, object_id: original.object_id, body: original.body,
        duplicate: true, next_attempt_at: at + Math.floor(ctx.random() * 2_000), attempts: 0, created_at: iso(at),
      });
    }
    return true;
  }
  await ctx.db('sim_events').where('seq', row.seq).update({
    attempts, next_attempt_at: at + backoffMs(ctx, attempts), last_status: result.status ?? null,
    last_error: result.error.slice(0, 500),
  });
  ctx.log.debug({ event: row.event_id, attempts, error: result.error }, 'event delivery failed; will retry');
  return false;
}

type SendResult = { ok: true; status: number } | { ok: false; status?: number; error: string };

async function send(ctx: SimContext, body: string): Promise<SendResult> {
  if (ctx.now() < ctx.faults.unreachable_until) return { ok: false, error: 'back office unreachable (simulated outage)' };
  try {
    const res = await fetch(ctx.eventsUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [SIGNATURE_HEADER]: signatureHeader(signingSecret(ctx), body, new Date(ctx.now())),
        'User-Agent': 'kaito-processor-simulator',
      },
      body,
      signal: AbortSignal.timeout(ctx.config.SIMULATOR_DELIVERY_TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return { ok: false, status: res.status, error: `HTTP ${res.status}: ${text.slice(0, 300)}` };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
    const detail = cause ? ` (${cause.code ?? cause.message})` : '';
    return { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}${detail}` : String(err) };
  }
}

function shuffle<T>(items: T[], random: () => number) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
