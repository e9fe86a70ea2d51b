import { describe, expect, it } from 'vitest';
import { canDo, canRead } from './permissions.ts';

describe('what each role may do (docs/api.md, "Roles")', () => {
  it('lets everyone read the money resources, and only admins users and audit', () => {
    for (const role of ['operator', 'support', 'admin'] as const) {
      for (const r of ['payments', 'intents', 'refunds', 'disputes', 'payouts', 'balances', 'transactions', 'merchants', 'plans']) {
        expect(canRead(role, r)).toBe(true);
        expect(canDo(role, r, 'export')).toBe(true);
      }
      expect(canRead(role, 'users')).toBe(role === 'admin');
      expect(canDo(role, 'audit', 'show')).toBe(role === 'admin');
    }
    expect(canRead(undefined, 'payments')).toBe(false);
  });

  it('gives refunds to operators and admins, dispute work to support and admins, payouts and merchants to admins', () => {
    const who = (resource: string, action: string) => (['operator', 'support', 'admin'] as const).filter((r) => canDo(r, resource, action));
    expect(who('refunds', 'create')).toEqual(['operator', 'admin']);
    expect(who('payments', 'refund')).toEqual(['operator', 'admin']);
    expect(who('disputes', 'submit')).toEqual(['support', 'admin']);
    expect(who('disputes', 'accept')).toEqual(['support', 'admin']);
    expect(who('payouts', 'approve')).toEqual(['admin']);
    expect(who('payouts', 'decline')).toEqual(['admin']);
    expect(who('merchants', 'edit')).toEqual(['admin']);
    expect(who('users', 'create')).toEqual(['admin']);
    expect(who('users', 'edit')).toEqual(['admin']);
    expect(who('audit', 'delete')).toEqual([]);
    expect(who('payments', 'delete')).toEqual([]);
    expect(who('audit', 'edit')).toEqual([]);
  });
});
