// Server-side sessions. The cookie holds a random 256-bit token; the table holds only its
// sha256, so a copy of the database cannot be replayed as a login. Idle and absolute timeouts
// are checked on every request against the injected clock; the user's role and disabled flag are
// read fresh with every request, so a change applies at once.
import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions, Request } from 'express';
import type { Knex } from 'knex';
import type { Role } from '../../shared/enums.ts';
import type { AppContext } from '../context.ts';

export const SESSION_COOKIE = 'kbo_session';
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

/**
 * HttpOnly (no script reads it), SameSite=Strict (never sent on cross-site requests), Secure when
 * COOKIE_SECURE=true or the request came over TLS (directly, or via a trusted proxy's
 * X-Forwarded-Proto when TRUST_PROXY is set). No Max-Age: it dies with the browser session, and the
 * server's timeouts decide before that.
 */
export function sessionCookieOptions(ctx: Pick<AppContext, 'config'>, req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: ctx.config.COOKIE_SECURE || req.secure, path: '/' };
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

/** The user behind a token, or null when it is unknown, expired or the user is disabled. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionUser | null> {
  const id = hashToken(token);
  // Every request asks this exact query: on PostgreSQL a named (prepared) statement, parsed and
  // planned once per connection instead of once per request. (SQLite's connection caches its
  // statements already: server/db/connect.ts.)
  const row = await ctx.db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.id', id)
    .first('s.created_at', 's.last_seen_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.disabled')
    .options({ name: 'kbo_session_user' });
  if (!row) return null;
  const now = ctx.now().getTime();
  const { idleMs, maxMs } = limits(ctx);
  const expired = now - Date.parse(row.last_seen_at) >= idleMs || now - Date.parse(row.created_at) >= maxMs;
  if (expired || row.disabled) {
    await ctx.db('sessions').where('id', id).delete();
    return null;
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await ctx.db('sessions').where('id', id).update({ last_seen_at: new Date(now).toISOString() });
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role };
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
