// For tests: an outbox worker pointed at a test simulator (simulator/testing.ts), with quick
// retries, and a helper that runs it until nothing is left to deliver.
import pino from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { OutboxWorker, type Tally } from './worker.ts';

export function testWorker(db: Db, processor: { url: string; apiKey: string }, config: Partial<Config> = {}, fetchImpl?: typeof fetch) {
  return new OutboxWorker({
    db,
    log: pino({ level: 'silent' }),
    fetch: fetchImpl,
    config: {
      PROCESSOR_URL: processor.url, PROCESSOR_API_KEY: processor.apiKey, OUTBOX_MAX_ATTEMPTS: 12, OUTBOX_RETRY_BASE_MS: 5,
      OUTBOX_RETRY_MAX_MS: 40, OUTBOX_TIMEOUT_MS: 2_000, OUTBOX_LEASE_MS: 4_000, OUTBOX_POLL_MS: 20, OUTBOX_CONCURRENCY: 16,
      ...config,
    },
  });
}

export const newTally = (): Tally => ({ delivered: 0, retry: 0, failed: 0, refused: 0 });

/** Runs the worker's rounds until no item is pending (or the time runs out). */
export async function deliverAll(db: Db, worker: OutboxWorker, opts: { tally?: Tally; withinMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (opts.withinMs ?? 30_000);
  for (;;) {
    await worker.drain(opts.tally);
    const left = Number((await db('outbox').where('status', 'pending').count({ n: '*' }).first())?.n ?? 0);
    if (left === 0) return;
    if (Date.now() > deadline) throw new Error(`${left} outbox items still pending`);
    await new Promise((r) => setTimeout(r, 15));
  }
}
