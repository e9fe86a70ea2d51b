// What every part of the simulator is given: its storage, settings, clock, randomness, logger,
// the current fault knobs and where events go. Tests swap the clock and the randomness.
import type { Logger } from 'pino';
import type { BackOfficeLookup } from './backOffice.ts';
import type { SimulatorConfig } from './config.ts';
import type { Faults } from './faults.ts';
import type { SimDb } from './storage.ts';

export interface SimContext {
  db: SimDb;
  config: SimulatorConfig;
  now: () => number;
  random: () => number;
  log: Logger;
  /** Mutable: POST /_sim/faults changes them while the simulator runs. */
  faults: Faults;
  /** Mutable: the embedded simulator learns the back office's address once it listens. */
  eventsUrl: string;
  /** Where objects it never saw made are found (the back office's history); none: they are unknown. */
  lookup?: BackOfficeLookup;
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoDate = (ms: number) => iso(ms).slice(0, 10);

/** The secret events are signed with: the first of a rotation pair ("new,old"). */
export const signingSecret = (ctx: SimContext) => ctx.config.PROCESSOR_WEBHOOK_SECRET.split(',')[0].trim();

export class SimError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
