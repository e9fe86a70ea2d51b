// Sessions live on the server (an HttpOnly cookie); the SPA only remembers who is signed in.
// A 401 from any call ends the session in the SPA too and goes to the login page; a 403 is
// "not allowed", and the user stays signed in (react-admin shows the message instead) — except
// an admin's 403 `mfa_enrolment_required`, which goes to the two-factor set-up page
// (docs/api.md, "Authentication"). A sign-in that needs a code fails with `mfaRequired` set, and
// the login page asks for it.
import type { AuthProvider, UserIdentity } from 'react-admin';
import type { Role } from '../../shared/enums.ts';
import { canDo } from './permissions.ts';
import { forgetReturnPath, rememberCurrentLocation, takeReturnPath } from './returnPath.ts';
import { endReasonOf, loginPathFor, moreTelling, retryAfterSeconds, type EndReason } from './sessionEnd.ts';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mfa_enabled?: boolean;
  /** An admin without a second factor: everything but the set-up page is closed to them. */
  mfa_enrolment_required?: boolean;
}

/** Where the two-factor set-up lives (client/src/account/). */
export const TWO_FACTOR_PATH = '/account/two-factor';

/** undefined: not asked yet; null: asked, nobody signed in. */
let current: SignedInUser | null | undefined;
/** The question in flight, so screens asking at the same moment share one request. */
let asking: Promise<SignedInUser | null> | undefined;
/** Why the session ended (sessionEnd.ts), until the next sign-in. */
let endReason: EndReason | undefined;

export class AuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Where react-admin goes after a failed checkAuth: the sign-in page, saying why. */
    readonly redirectTo?: string,
    /** A throttled sign-in: seconds until the server accepts another attempt (Retry-After). */
    readonly retryAfter?: number,
    /** The password was right; the account also needs a code from its authenticator app. */
    readonly mfaRequired = false,
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
  async login({ email, password, otp }: { email: string; password: string; otp?: string }) {
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ email, password, ...(otp ? { otp } : {}) }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new AuthError(body.message ?? res.statusText, res.status, undefined, retryAfterSeconds(res.headers.get('Retry-After')), body.mfa_required === true);
    current = body as SignedInUser;
    endReason = undefined;
    // Back to where the session ended (returnPath.ts), else Home. Always said here: react-admin's
    // own fallback (the location before its last redirect) is the sign-in page itself when
    // several requests failed at once.
    return { redirectTo: takeReturnPath() ?? '/' };
  },

  async logout() {
    const wasSignedIn = current !== null;
    // Signing out on purpose: the next sign-in starts at Home.
    if (wasSignedIn && !endReason) forgetReturnPath();
    current = null;
    // The session may already be dead on the server (that is often why we are here).
    if (wasSignedIn) await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
    // The sign-in page, saying why when the session ended rather than the user signing out. Kept
    // until the next sign-in: several failed requests may each lead here.
    return loginPathFor(endReason);
  },

  async checkAuth() {
    if (!(await signedIn())) {
      // A screen opened (or reloaded) without a live session: come back to it after signing in.
      rememberCurrentLocation();
      throw new AuthError('Please sign in', 401, loginPathFor(endReason));
    }
  },

  async checkError(error: { status?: number; body?: unknown }) {
    if (error?.status === 401) {
      // Only while still on the screen the session ended on (later 401s may arrive on /login).
      if (current) rememberCurrentLocation();
      endReason = moreTelling(endReason, endReasonOf(error.body, !!current));
      current = null;
      throw new AuthError('Session ended', 401);
    }
    if (error?.status === 403 && (error.body as { mfa_enrolment_required?: boolean } | undefined)?.mfa_enrolment_required) {
      // Stay signed in, and go where the only open door is.
      throw Object.assign(new AuthError('Set up two-factor authentication first', 403, TWO_FACTOR_PATH), { logoutUser: false });
    }
    // 403 and everything else: stay signed in.
  },

  async getIdentity(): Promise<UserIdentity> {
    const user = await signedIn();
    if (!user) throw new AuthError('Please sign in', 401);
    return {
      id: user.id, fullName: user.name, email: user.email, role: user.role,
      mfa_enabled: user.mfa_enabled === true, mfa_enrolment_required: user.mfa_enrolment_required === true,
    };
  },

  async getPermissions() {
    return (await signedIn())?.role;
  },

  async canAccess({ resource, action }: { resource: string; action: string }) {
    return canDo((await signedIn())?.role, resource, action);
  },
};

/** The signed-in user changed on the server (a second factor set up): ask again. */
export function refreshSignedInUser(): Promise<SignedInUser | null> {
  current = undefined;
  return signedIn();
}

/** For tests: forget the cached user. */
export function resetAuthCache(user?: SignedInUser | null) {
  current = user;
  asking = undefined;
  endReason = undefined;
}
