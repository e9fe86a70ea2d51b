// What an applier is given and may answer (docs/processor.md, "Order does not matter").
import type { Knex } from 'knex';
import type { Actor } from '../../../resources/actor.ts';
import type { Envelope } from '../envelope.ts';

export interface ApplyInput {
  trx: Knex.Transaction;
  event: Envelope;
  /** The processor as the actor of every effect (audit actor `processor`), at the server clock. */
  actor: Actor;
}

/** Nothing: applied (or stale, applied without effect). `waitingFor`: parked until that object arrives. */
export type ApplyResult = void | { waitingFor: string };

export type Applier = (input: ApplyInput) => Promise<ApplyResult>;

/** The event cannot apply as sent: it is `failed` with this message, for an admin to look at. */
export class EventRejected extends Error {}

/**
 * Another transaction changed the object between our read and our conditional write (PostgreSQL,
 * two events of one object at once): the whole application is tried again from a fresh read.
 */
export class Contended extends Error {}
