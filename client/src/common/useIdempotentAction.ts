// Runs one action (refund, approve, submit, ...) from a dialog: one Idempotency-Key per mount
// (a dialog's content mounts when it opens), a click while a request is under way is ignored,
// and a refusal shows the server's message as it is — in the dialog and as a notification.
// The request itself is a react-query mutation (pending state, devtools, one place for retries:
// none — which key a retry sends is IdempotentAttempts' decision, not the query library's).
import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { IdempotentAttempts } from './idempotentAttempts.ts';

export interface ActionState {
  sending: boolean;
  /** The server's message (or ours when there was no answer). */
  error?: string;
  /** The outcome of the last attempt is unknown: retrying resends the same request. */
  uncertain: boolean;
}

interface Attempt<B> {
  body: B;
  key: string;
}

export function useIdempotentAction<B, R>(run: (body: B, key: string) => Promise<R>, onSuccess: (result: R) => void) {
  const attempts = useRef<IdempotentAttempts<B> | null>(null);
  attempts.current ??= new IdempotentAttempts<B>();
  // isPending only changes on the next render: a second click in the same tick must see it now.
  const busy = useRef(false);
  const [outcome, setOutcome] = useState<Omit<ActionState, 'sending'>>({ uncertain: false });
  const mutation = useMutation<R, unknown, Attempt<B>>({
    mutationFn: ({ body, key }) => run(body, key),
    retry: false,
  });
  const notify = useNotify();
  const translate = useTranslate();

  const submit = async (input: B) => {
    if (busy.current) return; // a double click: the first click's request is the one
    busy.current = true;
    const attempt = attempts.current!.next(input);
    try {
      const result = await mutation.mutateAsync(attempt);
      attempts.current!.settle(attempt.body);
      setOutcome({ uncertain: false });
      onSuccess(result);
    } catch (error) {
      const settled = attempts.current!.settle(attempt.body, error);
      const status = (error as { status?: number })?.status;
      const message = settled === 'unknown' && (typeof status !== 'number' || status >= 500)
        ? translate('app.action.unknown_outcome')
        : ((error as Error)?.message || translate('app.action.failed'));
      setOutcome({ error: message, uncertain: settled === 'unknown' });
      // As the server wrote it; `_` keeps the translator from looking it up as a key.
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      busy.current = false;
    }
  };

  return { ...outcome, sending: mutation.isPending, submit };
}
