// The step-up retry: a request refused with `step_up_required` waits for the code dialog and is
// then sent again unchanged — same body, same Idempotency-Key — or, when the dialog is
// cancelled, fails with the original refusal.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionMethods } from '../actionMethods.ts';
import { isStepUpRequired, onStepUpRequest, settleStepUp, withStepUp } from './stepUp.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const STEP_UP = { message: 'Confirm it is you', step_up_required: true };

afterEach(() => vi.unstubAllGlobals());

/** A stand-in for the dialog: answers every request for a code with `verified`. */
function dialogAnswering(verified: boolean) {
  const asked = vi.fn();
  const stop = onStepUpRequest((pending) => {
    if (!pending) return;
    asked();
    queueMicrotask(() => settleStepUp(verified));
  });
  return { asked, stop };
}

describe('step-up', () => {
  it('When an approval is refused with step_up_required, then it asks for a code and repeats the request with the same Idempotency-Key', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(json(403, STEP_UP))
      .mockResolvedValueOnce(json(200, { id: 'po_1', status: 'approved' }));
    vi.stubGlobal('fetch', fetch);
    const dialog = dialogAnswering(true);
    await expect(actionMethods.approvePayout('po_1', 'key-1')).resolves.toMatchObject({ status: 'approved' });
    dialog.stop();
    expect(dialog.asked).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    const [first, second] = fetch.mock.calls.map(([url, init]) => ({ url, key: init.headers['Idempotency-Key'], body: init.body }));
    expect(second).toEqual(first);
    expect(first.key).toBe('key-1');
  });

  it('When the dialog is cancelled, then the refusal stands and nothing is sent again', async () => {
    const fetch = vi.fn().mockResolvedValue(json(403, STEP_UP));
    vi.stubGlobal('fetch', fetch);
    const dialog = dialogAnswering(false);
    await expect(actionMethods.declinePayout('po_1', 'no', 'key-2')).rejects.toMatchObject({ status: 403 });
    dialog.stop();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('leaves every other refusal alone', async () => {
    const call = vi.fn().mockRejectedValue({ status: 403, body: { message: 'You do not have permission to do this' } });
    await expect(withStepUp(call)).rejects.toMatchObject({ status: 403 });
    expect(call).toHaveBeenCalledTimes(1);
    expect(isStepUpRequired({ status: 403, body: STEP_UP })).toBe(true);
    expect(isStepUpRequired({ status: 400, body: STEP_UP })).toBe(false);
  });
});
