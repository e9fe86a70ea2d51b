// @vitest-environment jsdom
// Signing in again returns to the screen where the session ended — only to a path of this app.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authProvider, resetAuthCache } from './authProvider.ts';
import { rememberCurrentLocation, safeReturnPath, takeReturnPath } from './returnPath.ts';

const user = { id: 'usr_1', email: 'support@example.com', name: 'Sofia', role: 'support' as const };
const signInAnswer = () => vi.fn(async () => new Response(JSON.stringify(user), { status: 200 }));

afterEach(() => {
  vi.unstubAllGlobals();
  resetAuthCache(undefined);
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('safeReturnPath', () => {
  it('keeps an app path with its query', () => {
    expect(safeReturnPath('/disputes?filter=%7B%22status%22%3A%22lost%22%7D&page=2')).toBe('/disputes?filter=%7B%22status%22%3A%22lost%22%7D&page=2');
    expect(safeReturnPath('/payments/py_1/show')).toBe('/payments/py_1/show');
  });

  it('refuses other origins, schemes, odd slashes and the sign-in page', () => {
    for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'disputes', '',
      '/login', '/login?reason=idle', '/a\u0000b', undefined, null, 42, { pathname: '/x' }]) {
      expect(safeReturnPath(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('returning after sign-in', () => {
  it('goes back to where the session ended, path and query, once', async () => {
    resetAuthCache(user);
    window.history.replaceState(null, '', '/disputes?filter=%7B%7D&page=3');
    await expect(authProvider.checkError({ status: 401, body: { reason: 'idle' } })).rejects.toThrow();
    // Later 401s arrive after react-admin moved to the sign-in page: they do not overwrite it.
    window.history.replaceState(null, '', '/login?reason=idle');
    await expect(authProvider.checkError({ status: 401, body: { reason: 'ended' } })).rejects.toThrow();
    vi.stubGlobal('fetch', signInAnswer());
    await expect(authProvider.login({ email: user.email, password: 'pw' })).resolves.toEqual({ redirectTo: '/disputes?filter=%7B%7D&page=3' });
    // Used up: the next sign-in starts at Home.
    await expect(authProvider.login({ email: user.email, password: 'pw' })).resolves.toEqual({ redirectTo: '/' });
  });

  it('remembers a screen opened without a live session (a reload after the session idled out)', async () => {
    window.history.replaceState(null, '', '/payouts/po_1/show');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ reason: 'idle' }), { status: 401 })));
    await expect(authProvider.checkAuth({})).rejects.toMatchObject({ redirectTo: '/login?reason=idle' });
    vi.stubGlobal('fetch', signInAnswer());
    await expect(authProvider.login({ email: user.email, password: 'pw' })).resolves.toEqual({ redirectTo: '/payouts/po_1/show' });
  });

  it('starts at Home after signing out on purpose', async () => {
    resetAuthCache(user);
    window.history.replaceState(null, '', '/refunds');
    rememberCurrentLocation();
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    await authProvider.logout({});
    expect(takeReturnPath()).toBeUndefined();
  });

  it('ignores a planted path to another origin', async () => {
    sessionStorage.setItem('kbo.returnPath', '//evil.example/phish');
    vi.stubGlobal('fetch', signInAnswer());
    await expect(authProvider.login({ email: user.email, password: 'pw' })).resolves.toEqual({ redirectTo: '/' });
  });
});
