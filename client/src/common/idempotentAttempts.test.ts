import { describe, expect, it } from 'vitest';
import { ActionError } from '../actionMethods.ts';
import { IdempotentAttempts } from './idempotentAttempts.ts';

const keys = () => {
  let n = 0;
  return () => `key-${++n}`;
};
const refused = (status: number, replayed = false) => new ActionError('refused', status, { message: 'refused' }, replayed);
const networkDown = new TypeError('Failed to fetch');

describe('Idempotency-Keys of one dialog opening', () => {
  it('reuse the key and the exact body while the outcome is unknown, whatever is typed meanwhile', () => {
    const a = new IdempotentAttempts<{ amount: number }>(keys());
    const first = a.next({ amount: 500 });
    expect(first).toEqual({ key: 'key-1', body: { amount: 500 } });
    expect(a.settle(first.body, networkDown)).toBe('unknown');
    expect(a.isPinned).toBe(true);
    expect(a.next({ amount: 900 })).toEqual({ key: 'key-1', body: { amount: 500 } });
    // Still running on the server: keep waiting on the same key.
    expect(a.settle({ amount: 500 }, refused(409))).toBe('unknown');
    expect(a.next({ amount: 900 }).key).toBe('key-1');
    // A 5xx gave the key back: retrying with it is still the same request.
    expect(a.settle({ amount: 500 }, refused(502))).toBe('unknown');
    expect(a.next({ amount: 900 }).key).toBe('key-1');
  });

  it('take a new key after a refusal, since a refused request did nothing', () => {
    const a = new IdempotentAttempts<number>(keys());
    expect(a.next(2000).key).toBe('key-1');
    expect(a.settle(2000, refused(409))).toBe('refused');
    expect(a.next(1500)).toEqual({ key: 'key-2', body: 1500 });
    expect(a.settle(1500, refused(400))).toBe('refused');
    expect(a.next(1500).key).toBe('key-3');
  });

  it('treat a replayed answer to a pinned retry as final', () => {
    const a = new IdempotentAttempts<number>(keys());
    a.next(1);
    a.settle(1, networkDown);
    expect(a.settle(1, refused(409, true))).toBe('refused');
    expect(a.isPinned).toBe(false);
    expect(a.next(2).key).toBe('key-2');
  });

  it('keep one key for the whole opening when the first attempt succeeds, and a new one for the next action', () => {
    const a = new IdempotentAttempts<string>(keys());
    expect(a.next('note 1').key).toBe('key-1');
    expect(a.settle('note 1')).toBe('success');
    expect(a.next('note 2').key).toBe('key-2');
  });

  it('make real keys random and valid for the header', () => {
    const a = new IdempotentAttempts<null>();
    const b = new IdempotentAttempts<null>();
    const ka = a.next(null).key;
    expect(ka).toMatch(/^[\x21-\x7e]{1,255}$/);
    expect(ka).not.toBe(b.next(null).key);
  });
});
