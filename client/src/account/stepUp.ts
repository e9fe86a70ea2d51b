// The step-up a payout decision or a user change may need (docs/api.md, "Authentication"): the
// server answers 403 `step_up_required`, the SPA asks for a code in a dialog (StepUpDialog,
// mounted once in the layout), sends it to POST /api/auth/step-up and repeats the very same
// request — same body, same Idempotency-Key — which then runs once. Cancelling the dialog leaves
// the original refusal, and nothing happened.

type Listener = (pending: boolean) => void;

let waiting: Array<(verified: boolean) => void> = [];
const listeners = new Set<Listener>();

/** True when a refusal asks for a fresh proof of the second factor. */
export function isStepUpRequired(error: unknown): boolean {
  const e = error as { status?: number; body?: { step_up_required?: boolean } } | undefined;
  return e?.status === 403 && e.body?.step_up_required === true;
}

/** Opens the dialog (or joins the one open); resolves true once the session is verified again. */
export function requestStepUp(): Promise<boolean> {
  return new Promise((resolve) => {
    if (listeners.size === 0) return resolve(false); // no dialog on this screen (a component test)
    waiting.push(resolve);
    if (waiting.length === 1) for (const l of listeners) l(true);
  });
}

/** The dialog's answer: every request waiting on it goes on (or gives up). */
export function settleStepUp(verified: boolean): void {
  const done = waiting;
  waiting = [];
  for (const l of listeners) l(false);
  for (const resolve of done) resolve(verified);
}

export function onStepUpRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `call`; when the server asks for a step-up, asks the user, then runs it once more. */
export async function withStepUp<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isStepUpRequired(error) || !(await requestStepUp())) throw error;
    return call();
  }
}
