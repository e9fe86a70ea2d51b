// Sessions live on the server (an HttpOnly cookie); the SPA only remembers who is signed in.
// A 401 from any call ends the session in the SPA too and goes to the login page; a 403 is
// "not allowed", and the user stays signed in (react-admin shows the message instead).
import type { AuthProvider, UserIdentity } from 'react-admin';
import type { Role } from '../../shared/enums.ts';
import { canDo } from './permissions.ts';
import { endReasonOf, loginPathFor, moreTelling, retryAfterSeconds, type EndReason } from './sessionEnd.ts';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** undefined: not asked yet; null: asked, nobody signed in. */
let current: SignedInUser | null | undefined;
/** The question in flight, so screens asking at the same moment share one request. */
let asking: Promise<SignedInUser | null> | undefined;
/** Why the session ended (sessionEnd.ts), until the next sign-in. */
let endReason: EndReason | undefined;

class AuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Where react-admin goes after a failed checkAuth: the sign-in page, saying why. */
    readonly redirectTo?: string,
    /** A throttled sign-in: seconds until the server accepts another attempt (Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

async function fetchMe(): Promise<SignedInUser | null> {
  const res = await fetch('/api/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (res.status === 401) {
    // A cookie that no longer works (the tab was left open overnight, then reloaded) says why.
    endReason = moreTelling(endReason, endReasonOf(await res.json().catch(() => null), false));
    return null;
  }
  if (!res.ok) throw new AuthError(`Could not check the session (${res.status})`, res.status);
  return res.json();
}

async function signedIn(): Promise<SignedInUser | null> {
  if (current !== undefined) return current;
  asking ??= fetchMe().then(
    (user) => {
      asking = undefined;
      // A sign-in or sign-out that finished meanwhile knows better than this older answer.
      if (current === undefined) current = user;
      return current;
    },
    (error) => {
      asking = undefined;
      throw error;
    },
  );
  return asking;
}

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ email, password }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new AuthError(body.message ?? res.statusText, res.status, undefined, retryAfterSeconds(res.headers.get('Retry-After')));
    current = body as SignedInUser;
    endReason = undefined;
  },

  async logout() {
    const wasSignedIn = current !== null;
    current = null;
    // The session may already be dead on the server (that is often why we are here).
    if (wasSignedIn) await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
    // The sign-in page, saying why when the session ended rather than the user signing out. Kept
    // until the next sign-in: several failed requests may each lead here.
    return loginPathFor(endReason);
  },

  async checkAuth() {
    if (!(await signedIn())) throw new AuthError('Please sign in', 401, loginPathFor(endReason));
  },

  async checkError(error: { status?: number; body?: unknown }) {
    if (error?.status === 401) {
      endReason = moreTelling(endReason, endReasonOf(error.body, !!current));
      current = null;
      throw new AuthError('Session ended', 401);
    }
    // 403 and everything else: stay signed in.
  },

  async getIdentity(): Promise<UserIdentity> {
    const user = await signedIn();
    if (!user) throw new AuthError('Please sign in', 401);
    return { id: user.id, fullName: user.name, email: user.email, role: user.role };
  },

  async getPermissions() {
    return (await signedIn())?.role;
  },

  async canAccess({ resource, action }: { resource: string; action: string }) {
    return canDo((await signedIn())?.role, resource, action);
  },
};

/** For tests: forget the cached user. */
export function resetAuthCache(user?: SignedInUser | null) {
  current = user;
  asking = undefined;
  endReason = undefined;
}
