import { afterEach, describe, expect, it, vi } from 'vitest';
import { authProvider, resetAuthCache } from './authProvider.ts';

const user = { id: 'usr_1', email: 'support@example.com', name: 'Sofia', role: 'support' as const };

afterEach(() => {
  vi.unstubAllGlobals();
  resetAuthCache(undefined);
});

describe('authProvider', () => {
  it('ends the session on a 401 but not on a 403', async () => {
    resetAuthCache(user);
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    await expect(authProvider.checkError({ status: 401 })).rejects.toThrow();
    // Signed out now: the next check asks the server, which says 401.
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 401 })));
    await expect(authProvider.checkAuth({})).rejects.toThrow();
  });

  it('signs in with email and password and answers role questions from the signed-in user', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(user), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    await authProvider.login({ email: user.email, password: 'backoffice-demo' });
    expect(fetch).toHaveBeenCalledWith('/api/auth/login', expect.objectContaining({ method: 'POST', body: JSON.stringify({ email: user.email, password: 'backoffice-demo' }) }));
    expect(await authProvider.getPermissions!({})).toBe('support');
    expect(await authProvider.canAccess!({ resource: 'users', action: 'list' })).toBe(false);
    expect(await authProvider.canAccess!({ resource: 'disputes', action: 'submit' })).toBe(true);
    expect((await authProvider.getIdentity!()).fullName).toBe('Sofia');
  });

  it('reports a refused sign-in with the server\'s status', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ message: 'Invalid email or password' }), { status: 401 })));
    await expect(authProvider.login({ email: 'x@example.com', password: 'nope' })).rejects.toMatchObject({ status: 401, message: 'Invalid email or password' });
  });

  it('sends the sign-in page the reason a session ended: idle, or signed out elsewhere', async () => {
    resetAuthCache(user);
    // Requests in flight when the session idles out: the first 401 says idle, later ones "ended".
    await expect(authProvider.checkError({ status: 401, body: { reason: 'idle' } })).rejects.toThrow();
    await expect(authProvider.checkError({ status: 401, body: { reason: 'ended' } })).rejects.toThrow();
    expect(await authProvider.logout({})).toBe('/login?reason=idle');
    // Every failed request in flight leads to the same page, until the next sign-in.
    expect(await authProvider.logout({})).toBe('/login?reason=idle');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(user), { status: 200 })));
    await authProvider.login({ email: user.email, password: 'backoffice-demo' });
    // A logout the user asks for says nothing.
    expect(await authProvider.logout({})).toBe('/login');

    // No cookie at all while signed in: another tab signed out (and cleared the cookie).
    resetAuthCache(user);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 204 })));
    await expect(authProvider.checkError({ status: 401, body: { reason: 'no_session' } })).rejects.toThrow();
    expect(await authProvider.logout({})).toBe('/login?reason=ended');
  });

  it('a reloaded page whose session expired goes to the sign-in page saying so; a first visit says nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ message: 'x', reason: 'expired' }), { status: 401 })));
    await expect(authProvider.checkAuth({})).rejects.toMatchObject({ redirectTo: '/login?reason=expired' });
    resetAuthCache(undefined);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ message: 'x', reason: 'no_session' }), { status: 401 })));
    await expect(authProvider.checkAuth({})).rejects.toMatchObject({ redirectTo: '/login' });
  });

  it('a throttled sign-in carries the wait the server gave (Retry-After)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ message: 'Too many' }), { status: 429, headers: { 'Retry-After': '840' } })));
    await expect(authProvider.login({ email: 'x@example.com', password: 'nope' })).rejects.toMatchObject({ status: 429, retryAfter: 840 });
  });
});
