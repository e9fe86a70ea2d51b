// Where signing in again leads after a session ended on its own (idle, too long, signed out
// elsewhere): back to the screen the user was on, path and query, in this tab (sessionStorage, so
// a reload of the sign-in page keeps it). Only a path of this app is accepted — never another
// origin ("//evil.example", "https:…", "/\evil") and never the sign-in page itself — so nothing
// placed in storage or in the router's state can turn sign-in into an open redirect.
// A deliberate sign-out forgets it: the next sign-in starts at Home.

const KEY = 'kbo.returnPath';

/** `candidate` if it is a same-origin path of the app (not /login); else undefined. */
export function safeReturnPath(candidate: unknown, origin = 'http://app.invalid'): string | undefined {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.length > 2000) return undefined;
  // "//host" and "/\host" are other origins to a browser; control characters have no place here.
  if (/^\/[/\\]/.test(candidate) || candidate.includes('\\') || [...candidate].some((c) => c.charCodeAt(0) < 0x20)) return undefined;
  let url: URL;
  try {
    url = new URL(candidate, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(origin).origin) return undefined;
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return undefined;
  return url.pathname + url.search;
}

const storage = (): Storage | undefined => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);

/** Remembers the screen shown now (window.location), when it is one to come back to. */
export function rememberCurrentLocation(): void {
  if (typeof window === 'undefined') return;
  const path = safeReturnPath(window.location.pathname + window.location.search, window.location.origin);
  if (path) storage()?.setItem(KEY, path);
}

export function forgetReturnPath(): void {
  storage()?.removeItem(KEY);
}

/** The remembered screen (once: it is forgotten as it is taken), or undefined. */
export function takeReturnPath(): string | undefined {
  const s = storage();
  const stored = s?.getItem(KEY);
  s?.removeItem(KEY);
  const origin = typeof window === 'undefined' ? undefined : window.location.origin;
  return safeReturnPath(stored, origin);
}
