// Runs one action (refund, approve, submit, ...) from a dialog: one Idempotency-Key per mount
// (a dialog's content mounts when it opens), a click while a request is under way is ignored,
// and a refusal shows the server's message as it is — in the dialog and as a notification.
import { useRef, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { IdempotentAttempts } from './idempotentAttempts.ts';

export interface ActionState {
  sending: boolean;
  /** The server's message (or ours when there was no answer). */
  error?: string;
  /** The outcome of the last attempt is unknown: retrying resends the same request. */
  uncertain: boolean;
}

export function useIdempotentAction<B, R>(run: (body: B, key: string) => Promise<R>, onSuccess: (result: R) => void) {
  const attempts = useRef<IdempotentAttempts<B> | null>(null);
  attempts.current ??= new IdempotentAttempts<B>();
  const busy = useRef(false);
  const [state, setState] = useState<ActionState>({ sending: false, uncertain: false });
  const notify = useNotify();
  const translate = useTranslate();

  const submit = async (input: B) => {
    if (busy.current) return; // a double click: the first click's request is the one
    busy.current = true;
    setState((s) => ({ ...s, sending: true }));
    const { key, body } = attempts.current!.next(input);
    try {
      const result = await run(body, key);
      attempts.current!.settle(body);
      setState({ sending: false, uncertain: false });
      onSuccess(result);
    } catch (error) {
      const outcome = attempts.current!.settle(body, error);
      const status = (error as { status?: number })?.status;
      const message = outcome === 'unknown' && (typeof status !== 'number' || status >= 500)
        ? translate('app.action.unknown_outcome')
        : ((error as Error)?.message || translate('app.action.failed'));
      setState({ sending: false, error: message, uncertain: outcome === 'unknown' });
      // As the server wrote it; `_` keeps the translator from looking it up as a key.
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      busy.current = false;
    }
  };

  return { ...state, submit };
}
