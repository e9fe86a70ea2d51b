// Which Idempotency-Key an action sends. A dialog opening is one intention, so it starts with one
// key, and every retry of that intention reuses it: the server then answers a repeat with the
// first response, and nothing happens twice (docs/money.md, "Idempotency").
//  - After a success the dialog closes: the key is done.
//  - After a refusal (a 4xx the server answered) nothing happened, so the next attempt — fixed
//    amount, another try after the balance grew — is a new request with a new key; the old one
//    would only replay the refusal.
//  - When the outcome is unknown (the network failed, a 5xx, or "still being processed"), the
//    action may have happened. The key and the exact body are pinned: a retry resends the same
//    request, which replays the result if it happened and runs it once if it did not.
import { ActionError } from '../actionMethods.ts';

export type Outcome = 'success' | 'refused' | 'unknown';

export const newIdempotencyKey = () => crypto.randomUUID();

export class IdempotentAttempts<B> {
  private key: string;
  private spent = false;
  private pinned: { body: B } | null = null;

  constructor(private readonly makeKey: () => string = newIdempotencyKey) {
    this.key = makeKey();
  }

  /** The key and body to send now: the pinned ones while an earlier outcome is unknown. */
  next(body: B): { key: string; body: B } {
    if (this.pinned) return { key: this.key, body: this.pinned.body };
    if (this.spent) {
      this.key = this.makeKey();
      this.spent = false;
    }
    return { key: this.key, body };
  }

  /** Records how the attempt that sent `body` ended (no error: success). */
  settle(body: B, error?: unknown): Outcome {
    if (error === undefined) {
      this.pinned = null;
      this.spent = true;
      return 'success';
    }
    if (isUnknownOutcome(error, this.pinned !== null)) {
      this.pinned ??= { body };
      return 'unknown';
    }
    this.pinned = null;
    this.spent = true;
    return 'refused';
  }

  /** True while retries must resend the pinned request unchanged. */
  get isPinned(): boolean {
    return this.pinned !== null;
  }
}

/**
 * No answer, a server error, or — while retrying a pinned request — a 409 that is not a replay:
 * that is "a request with this key is still being processed", so the first may yet succeed.
 */
function isUnknownOutcome(error: unknown, retrying: boolean): boolean {
  const status = (error as { status?: number })?.status;
  if (typeof status !== 'number') return true;
  if (status >= 500) return true;
  if (retrying && status === 409) return !(error instanceof ActionError && error.replayed);
  return false;
}
