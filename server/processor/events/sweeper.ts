// The periodic sweep of processor events (docs/processor.md, "Order does not matter"): parked
// events are retried (their object may have arrived some other way, or the waking after it was
// missed by a race), and events a crashed process left `received` are applied. One round at a
// time; a round's error is logged and the next round tries again.
import type { AppContext } from '../../context.ts';
import { sweepEvents } from './apply.ts';

export const SWEEP_EVERY_MS = 30_000;

export function startEventSweeper(ctx: Pick<AppContext, 'db' | 'now' | 'log'>, everyMs = SWEEP_EVERY_MS): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const round = () => {
    if (running) return;
    running = sweepEvents(ctx)
      .then((tried) => { if (tried) ctx.log.debug({ tried }, 'processor events swept'); })
      .catch((err) => ctx.log.error({ err }, 'processor event sweep failed'))
      .finally(() => { running = null; });
  };
  const timer = setInterval(round, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
