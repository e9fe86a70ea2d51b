// Server-side sessions. The cookie holds a random 256-bit token; the table holds only its
// sha256, so a copy of the database cannot be replayed as a login. Idle and absolute timeouts
// are checked on every request against the injected clock; the user's role and disabled flag are
// read fresh with every request, so a change applies at once.
import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions, Request } from 'express';
import type { Knex } from 'knex';
import type { Role } from '../../shared/enums.ts';
import type { AppContext } from '../context.ts';

/** The cookie's name over plain HTTP on localhost; everywhere else it carries the __Host- prefix. */
export const SESSION_COOKIE = 'kbo_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
// Writing last_seen_at on every request would turn reads into writes. Touching at most once a
// minute means a session can end up to a minute *before* its idle limit, never after it.
const TOUCH_EVERY_MS = 60_000;
const PRUNE_AFTER_MS = 24 * 3_600_000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Loopback names a browser never reaches over the network: `npm start` is served from these. */
export function isLoopbackHost(hostname: string | undefined): boolean {
  const h = (hostname ?? '').toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * Whether this request's session cookie is Secure. By default (COOKIE_SECURE=auto) it always is,
 * except when the app is served from localhost over plain HTTP — so `npm start` works without
 * TLS, and a real deployment needs no setting to be safe. The hostname comes from the request's
 * Host header (X-Forwarded-Host only behind a trusted proxy): a client that sends
 * `Host: localhost` gets a non-Secure cookie for itself, but a browser on the real site never does.
 */
export function secureCookie(ctx: Pick<AppContext, 'config'>, req: Request): boolean {
  const setting = ctx.config.COOKIE_SECURE;
  if (setting === 'always' || req.secure) return true;
  return setting === 'auto' && !isLoopbackHost(req.hostname);
}

/**
 * The session cookie's name and attributes for this request. HttpOnly (no script reads it),
 * SameSite=Strict (never sent on cross-site requests), Path=/ and no Domain; when Secure, the name
 * carries the `__Host-` prefix, which browsers accept only from a secure origin with exactly those
 * attributes — so no subdomain or plain-HTTP page can plant or overwrite it. No Max-Age: it dies
 * with the browser session, and the server's timeouts decide before that.
 */
export function sessionCookie(ctx: Pick<AppContext, 'config'>, req: Request): { name: string; options: CookieOptions } {
  const secure = secureCookie(ctx, req);
  return {
    name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    options: { httpOnly: true, sameSite: 'strict', secure, path: '/' },
  };
}

/** The session token the request carries, read only under the name this request's cookie has. */
export function sessionToken(ctx: Pick<AppContext, 'config'>, req: Request): string | null {
  const token = req.cookies?.[sessionCookie(ctx, req).name];
  return typeof token === 'string' && token ? token : null;
}

export async function createSession(trx: Knex | Knex.Transaction, userId: string, at: string, ip: string | null) {
  const token = randomBytes(32).toString('base64url');
  await trx('sessions').insert({ id: hashToken(token), user_id: userId, created_at: at, last_seen_at: at, ip });
  return token;
}

/** Ends the session behind a token; returns its user id when there was one. */
export async function destroySession(db: Knex | Knex.Transaction, token: string): Promise<string | null> {
  const id = hashToken(token);
  const row = await db('sessions').where({ id }).first('user_id');
  if (!row) return null;
  await db('sessions').where({ id }).delete();
  return row.user_id;
}

export async function destroyUserSessions(trx: Knex | Knex.Transaction, userId: string): Promise<void> {
  await trx('sessions').where('user_id', userId).delete();
}

function limits(ctx: Pick<AppContext, 'config'>) {
  return { idleMs: ctx.config.SESSION_IDLE_MINUTES * 60_000, maxMs: ctx.config.SESSION_MAX_HOURS * 3_600_000 };
}

/**
 * Why a request has no session (the 401's `reason`, docs/security.md): the SPA tells the user on
 * the login page. `ended`: the cookie names a session that no longer exists — signed out in
 * another window or device, replaced by a new sign-in, or ended by a password or role change.
 */
export const SESSION_END_REASONS = ['no_session', 'idle', 'expired', 'disabled', 'ended'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * Sessions this process ended on sight, and why, so the requests that were in flight with the
 * same cookie (a screen loads several things at once) hear "idle" too rather than "ended" once the
 * row is gone. Bounded; another instance, or a restart, answers "ended" instead, which is still true.
 */
const endedHere = new Map<string, SessionEndReason>();
const ENDED_REMEMBERED = 1_000;

function rememberEnded(id: string, reason: SessionEndReason) {
  endedHere.set(id, reason);
  if (endedHere.size > ENDED_REMEMBERED) endedHere.delete(endedHere.keys().next().value!);
}

export type SessionCheck = { user: SessionUser; ended?: undefined } | { user?: undefined; ended: SessionEndReason };

/** The user behind a token, or null when it is unknown, expired or the user is disabled. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionUser | null> {
  return (await checkSession(ctx, token)).user ?? null;
}

/** The user behind a token, or why there is none. */
export async function checkSession(ctx: AppContext, token: string): Promise<SessionCheck> {
  const id = hashToken(token);
  // Every request asks this exact query: on PostgreSQL a named (prepared) statement, parsed and
  // planned once per connection instead of once per request. (SQLite's connection caches its
  // statements already: server/db/connect.ts.)
  const row = await ctx.db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.id', id)
    .first('s.created_at', 's.last_seen_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.disabled')
    .options({ name: 'kbo_session_user' });
  if (!row) return { ended: endedHere.get(id) ?? 'ended' };
  const now = ctx.now().getTime();
  const { idleMs, maxMs } = limits(ctx);
  // The absolute limit first: a session past both ended because of it, whatever its activity.
  const ended: SessionEndReason | null = row.disabled ? 'disabled'
    : now - Date.parse(row.created_at) >= maxMs ? 'expired'
    : now - Date.parse(row.last_seen_at) >= idleMs ? 'idle'
    : null;
  if (ended) {
    rememberEnded(id, ended);
    await ctx.db('sessions').where('id', id).delete();
    return { ended };
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await ctx.db('sessions').where('id', id).update({ last_seen_at: new Date(now).toISOString() });
  }
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role } };
}

/**
 * Deletes sessions that ended long ago (a day past the absolute limit: dead by every rule), so the
 * table does not grow with sessions nobody logged out of. Recently expired ones are refused on
 * sight anyway.
 */
export async function pruneSessions(ctx: Pick<AppContext, 'config'>, db: Knex | Knex.Transaction, now: number) {
  const { maxMs } = limits(ctx);
  await db('sessions').where('created_at', '<=', new Date(now - maxMs - PRUNE_AFTER_MS).toISOString()).delete();
}
