// Calls that need no Idempotency-Key (a PUT, a DELETE: repeating them changes nothing more), with
// a busy flag and the server's message, as it is, when one is refused.
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';

/** Shows a refusal as the server wrote it (no answer at all: says so). */
export function useNotifyRefusal() {
  const notify = useNotify();
  const translate = useTranslate();
  return (error: unknown) => {
    const status = (error as { status?: number })?.status;
    const message = typeof status === 'number' ? (error as Error).message || translate('app.action.failed') : translate('app.action.unreachable');
    // `_` keeps the translator from looking the server's sentence up as a key.
    notify(message, { type: 'error', messageArgs: { _: message } });
  };
}

export function useServerCall() {
  const refused = useNotifyRefusal();
  const [busy, setBusy] = useState(false);
  const call = async <R,>(run: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    try {
      return await run();
    } catch (error) {
      refused(error);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, call };
}
