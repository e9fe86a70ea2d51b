// The fault knobs: how badly the processor behaves, both as a server (latency, 5xx, answers lost
// after executing) and as a sender of events (duplicates, reordering, the back office
// unreachable for a while). Set from the environment at start and changed at run time through
// POST /_sim/faults.
import { z } from 'zod';
import type { SimulatorConfig } from './config.ts';

export interface Faults {
  /** Each processor API request waits about this long (±50%) before it is handled. */
  latency_ms: number;
  /** Share of processor API requests answered 503 without executing anything. */
  error_rate: number;
  /** Share of processor API requests that execute, then never answer (the connection is dropped after timeout_ms). */
  timeout_rate: number;
  timeout_ms: number;
  /** Share of delivered events sent a second time, a little later. */
  duplicate_rate: number;
  /** Share of events held back for up to reorder_window_ms, so later ones overtake them. */
  reorder_rate: number;
  reorder_window_ms: number;
  /** Until this time (epoch ms) every delivery fails as if the back office were down. */
  unreachable_until: number;
}

export function faultsFromConfig(c: SimulatorConfig, now: number): Faults {
  return {
    latency_ms: c.SIMULATOR_LATENCY_MS,
    error_rate: c.SIMULATOR_ERROR_RATE,
    timeout_rate: c.SIMULATOR_TIMEOUT_RATE,
    timeout_ms: c.SIMULATOR_TIMEOUT_MS,
    duplicate_rate: c.SIMULATOR_DUPLICATE_RATE,
    reorder_rate: c.SIMULATOR_REORDER_RATE,
    reorder_window_ms: c.SIMULATOR_REORDER_WINDOW_MS,
    unreachable_until: c.SIMULATOR_UNREACHABLE_MS > 0 ? now + c.SIMULATOR_UNREACHABLE_MS : 0,
  };
}

const rate = z.number().min(0).max(1);
const ms = z.number().int().min(0).max(3_600_000);

/** The body of POST /_sim/faults: any subset, plus `unreachable_for_ms` (0 ends an outage). */
export const FaultsPatch = z.strictObject({
  latency_ms: ms.optional(),
  error_rate: rate.optional(),
  timeout_rate: rate.optional(),
  timeout_ms: ms.optional(),
  duplicate_rate: rate.optional(),
  reorder_rate: rate.optional(),
  reorder_window_ms: ms.optional(),
  unreachable_for_ms: ms.optional(),
});

export function applyFaultsPatch(faults: Faults, patch: z.infer<typeof FaultsPatch>, now: number): Faults {
  const { unreachable_for_ms, ...rest } = patch;
  const next = { ...faults, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
  if (unreachable_for_ms !== undefined) next.unreachable_until = unreachable_for_ms > 0 ? now + unreachable_for_ms : 0;
  return next;
}

export const NO_FAULTS: Faults = {
  latency_ms: 0, error_rate: 0, timeout_rate: 0, timeout_ms: 30_000, duplicate_rate: 0, reorder_rate: 0,
  reorder_window_ms: 5_000, unreachable_until: 0,
};
