// The outbox worker, one in every server process (docs/processor.md, "Actions out"): claims due
// items with a lease, sends each to the processor with `Idempotency-Key: <outbox id>`, the API
// key and the originating request's X-Request-Id, and records what the answer means. Idle, it
// looks again every OUTBOX_POLL_MS. stop() claims nothing more and waits for the deliveries in
// flight, so a SIGTERM finishes them; a kill -9 loses nothing either — the items stay pending
// and are claimed again when their lease ends.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { metrics } from '../metrics/metrics.ts';
import { retryDelay } from './backoff.ts';
import { claimDue, type Claimed } from './claim.ts';
import { classify, markDelivered, markFailed, markRetry, type Answer } from './finish.ts';
import { requestFor } from './requests.ts';

type WorkerConfig = Pick<Config,
  'PROCESSOR_URL' | 'PROCESSOR_API_KEY' | 'OUTBOX_MAX_ATTEMPTS' | 'OUTBOX_RETRY_BASE_MS' | 'OUTBOX_RETRY_MAX_MS' |
  'OUTBOX_TIMEOUT_MS' | 'OUTBOX_LEASE_MS' | 'OUTBOX_POLL_MS' | 'OUTBOX_CONCURRENCY'>;

export interface WorkerOptions {
  db: Db;
  config: WorkerConfig;
  log: Logger;
  now?: () => Date;
  random?: () => number;
  fetch?: typeof fetch;
}

export interface Tally {
  delivered: number;
  retry: number;
  failed: number;
  refused: number;
}

export class OutboxWorker {
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly send: typeof fetch;
  private readonly base: string;

  constructor(private readonly opts: WorkerOptions) {
    if (!opts.config.PROCESSOR_URL || !opts.config.PROCESSOR_API_KEY) throw new Error('The outbox worker needs PROCESSOR_URL and PROCESSOR_API_KEY');
    this.base = opts.config.PROCESSOR_URL.replace(/\/+$/, '');
    this.log = opts.log.child({ component: 'outbox' });
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
    this.send = opts.fetch ?? fetch;
  }

  /** A claim must outlive the slowest request, or a second worker could send while the first still waits. */
  private get leaseMs() {
    return Math.max(this.opts.config.OUTBOX_LEASE_MS, this.opts.config.OUTBOX_TIMEOUT_MS * 2);
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Claims nothing more, and resolves once the deliveries in flight are recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Looks for due items now instead of at the next poll. */
  nudge(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        busy = (await this.runOnce()) > 0;
      } catch (err) {
        this.log.error({ err }, 'outbox: claiming or recording failed; trying again shortly');
      }
      if (!busy && !this.stopping) await this.idle(this.opts.config.OUTBOX_POLL_MS);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).finally(() => {
      this.wake = null;
    });
  }

  /** One round: claims up to OUTBOX_CONCURRENCY due items and delivers them together. Returns how many it claimed. */
  async runOnce(tally?: Tally): Promise<number> {
    const items = await claimDue(this.opts.db, this.now(), this.leaseMs, this.opts.config.OUTBOX_CONCURRENCY);
    await Promise.all(items.map((item) => this.deliver(item, tally)));
    return items.length;
  }

  /** Runs rounds until nothing is due (tests, and a drain before stopping). */
  async drain(tally?: Tally): Promise<void> {
    while ((await this.runOnce(tally)) > 0) { /* next round */ }
  }

  private async deliver(item: Claimed, tally?: Tally): Promise<void> {
    const log = this.log.child({ outbox_id: item.id, kind: item.kind, object_id: item.object_id, attempt: item.attempts, req_id: item.request_id ?? undefined });
    let answer: Answer;
    try {
      answer = await this.attempt(item);
    } catch (err) {
      // Building the request failed (the row is unusable): a person must look; nothing is sent.
      answer = { kind: 'conflict', error: `Could not build the request: ${(err as Error).message}` };
    }
    const at = this.now();
    try {
      if (answer.kind === 'delivered') {
        if (await markDelivered(this.opts.db, item, at.toISOString())) this.count(item, 'delivered', tally);
        return;
      }
      if (answer.kind === 'retry') {
        const delay = retryDelay(item.attempts, this.opts.config.OUTBOX_RETRY_BASE_MS, this.opts.config.OUTBOX_RETRY_MAX_MS, this.random);
        const result = await markRetry(this.opts.db, item, answer.error, at, delay, this.opts.config.OUTBOX_MAX_ATTEMPTS);
        if (result === 'lost') return;
        this.count(item, result, tally);
        if (result === 'failed') log.warn({ error: answer.error }, 'outbox: no attempts left; the item waits for an admin');
        else log.info({ error: answer.error, retry_in_ms: delay }, 'outbox: delivery failed; will retry');
        return;
      }
      if (await markFailed(this.opts.db, item, answer, at.toISOString())) {
        this.count(item, answer.kind === 'refused' ? 'refused' : 'failed', tally);
        log.warn({ error: answer.error }, answer.kind === 'refused' ? 'outbox: the processor refused; the action failed' : 'outbox: conflict at the processor; the item waits for an admin');
      }
    } catch (err) {
      // Not recorded: the item stays claimed until its lease ends, then it is sent again (same key).
      log.error({ err }, 'outbox: could not record the answer');
    }
  }

  private count(item: Claimed, outcome: 'delivered' | 'retry' | 'failed' | 'refused', tally?: Tally) {
    metrics.deliveryAttempt(item.kind, outcome);
    if (tally) tally[outcome] += 1;
  }

  private async attempt(item: Claimed): Promise<Answer> {
    const request = await requestFor(this.opts.db, item);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${this.opts.config.PROCESSOR_API_KEY}`,
      'Idempotency-Key': item.id,
    };
    if (item.request_id) headers['X-Request-Id'] = item.request_id;
    let res: Response;
    let text: string;
    try {
      res = await this.send(`${this.base}${request.path}`, {
        method: request.method, headers, body: JSON.stringify(request.body), signal: AbortSignal.timeout(this.opts.config.OUTBOX_TIMEOUT_MS),
      });
      text = await res.text();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const why = e.name === 'TimeoutError' ? `no answer within ${this.opts.config.OUTBOX_TIMEOUT_MS} ms` : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`;
      return { kind: 'retry', error: `${request.method} ${request.path}: ${why}` };
    }
    const kind = classify(res.status);
    if (kind === 'delivered') return { kind, status: res.status };
    return { kind, error: `${request.method} ${request.path} answered ${res.status}: ${messageOf(text)}` };
  }
}

function messageOf(text: string): string {
  try {
    const body = JSON.parse(text);
    if (typeof body?.message === 'string') return body.message.slice(0, 500);
  } catch {
    // not JSON
  }
  return text.slice(0, 200) || '(empty body)';
}
