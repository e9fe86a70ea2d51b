// Login throttling per account and per client IP, kept in the database so it holds across
// instances and restarts. A fixed window per key: after LIMIT failed sign-ins within WINDOW,
// further attempts get 429 with Retry-After until the window ends.
//
// Every attempt first *reserves* a slot under each key with one conditional upsert (count + 1
// while under the limit), so a burst of parallel guesses cannot all slip past the check before any
// failure is recorded; an attempt refused by one limit takes no slot under the others. A
// successful sign-in gives its slots back: the account counter is cleared and the IP counter
// returns its one slot, so only failures ever count.
//
// The limits: 10 failures per account per 15 minutes (40 an hour, inside ASVS 2.2.1's 100, and
// lenient enough that typos never lock anyone out while an attacker gets nowhere) and 50 per IP
// (an office behind one NAT address never fails 50 times in 15 minutes; a password-spraying
// client across many accounts is stopped). IPv6 clients are counted per /64, the block one
// subscriber gets, so rotating addresses inside it does not reset the count.
import { isIPv6 } from 'node:net';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';

export const WINDOW_MS = 15 * 60_000;
export const LIMITS = { account: 10, ip: 50 } as const;

export type ThrottleKind = keyof typeof LIMITS;
export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

export interface Refusal {
  kind: ThrottleKind;
  retryAfterSeconds: number;
}

export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  return [
    { kind: 'account', key: `email:${email}` },
    { kind: 'ip', key: `ip:${ipBucket(ip)}` },
  ];
}

/** The address an IP limit applies to: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function ipBucket(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * Reserves this attempt's slot under every key, or none of them: returns the first limit that is
 * already used up (the attempt must then be refused without checking the password), or null.
 *
 * Each key takes its slot with one conditional upsert — count + 1 only while the count is under
 * the limit (or the window has ended) — so parallel attempts are serialised on the row and no
 * more than the limit ever get through. A key that is full takes nothing, and the slots already
 * taken for the keys before it are given back (a savepoint rolled back): an attempt refused by
 * one limit consumes no other. Without that, a client whose address is blocked could keep any
 * account locked for everyone by naming it ~11 times per window.
 *
 * Keys are always taken in the same order (account, then address), so two attempts never wait
 * on each other's rows in opposite orders.
 */
export async function reserveAttempt(trx: Knex.Transaction, now: number, keys: ThrottleKey[]): Promise<Refusal | null> {
  const at = new Date(now).toISOString();
  const windowOpenedBefore = new Date(now - WINDOW_MS).toISOString();
  const full = new Error('throttle key full');
  let refusal: Refusal | null = null;
  try {
    await trx.transaction(async (sp) => {
      for (const { kind, key } of keys) {
        // Fixed-width ISO strings compare as times on both engines. A window that ended restarts at 1.
        const result = await sp.raw(
          `insert into login_failures ("key", "count", window_start) values (?, 1, ?)
           on conflict ("key") do update set
             "count" = case when login_failures.window_start <= ? then 1 else login_failures."count" + 1 end,
             window_start = case when login_failures.window_start <= ? then excluded.window_start else login_failures.window_start end
           where login_failures.window_start <= ? or login_failures."count" < ?
           returning "count"`,
          [key, at, windowOpenedBefore, windowOpenedBefore, windowOpenedBefore, LIMITS[kind]],
        );
        const rows = Array.isArray(result) ? result : result.rows;
        if (rows.length === 0) {
          // The upsert found the row (and left it full), in this transaction.
          const row = (await sp('login_failures').where({ key }).first('window_start'))!;
          const ends = Date.parse(row.window_start) + WINDOW_MS;
          refusal = { kind, retryAfterSeconds: Math.max(1, Math.ceil((ends - now) / 1000)) };
          throw full; // rolls back the slots taken for the keys before this one
        }
      }
    });
  } catch (err) {
    if (err !== full) throw err;
  }
  return refusal;
}

/**
 * Counts an attempt (sign-in, password check, second-factor check) against the throttle; a 429
 * with Retry-After, audited as `login.throttled`, when a limit is reached.
 */
export async function guardAttempt(
  ctx: Pick<AppContext, 'db' | 'now'>,
  keys: ThrottleKey[],
  audit: { email: string; userId: string | null; ip: string | null; at: string },
): Promise<void> {
  const refusal = await ctx.db.transaction(async (trx) => {
    const r = await reserveAttempt(trx, ctx.now().getTime(), keys);
    if (r) {
      await writeAudit(trx, {
        actorId: null, action: 'login.throttled', entity: 'users', entityId: audit.userId,
        detail: { email: audit.email, limit: r.kind }, ip: audit.ip, at: audit.at,
      });
    }
    return r;
  });
  if (refusal) {
    throw new HttpError(429, 'Too many failed sign-in attempts. Try again later.', undefined, {
      'Retry-After': String(refusal.retryAfterSeconds),
    });
  }
}

/**
 * The right password without the code it also needs (`mfa_required`): the address gets its slot
 * back — it is no password guess, and an office signing in in two steps must not use up its
 * address — but the account keeps it, so only the code that follows (and succeeds) clears the
 * account's counter: someone who knows the password cannot reset the count of their code guesses.
 */
export async function releaseIpSlot(db: Knex | Knex.Transaction, keys: ThrottleKey[]): Promise<void> {
  for (const { kind, key } of keys) {
    if (kind === 'ip') await db('login_failures').where({ key }).andWhere('count', '>', 0).decrement('count', 1);
  }
}

/** A successful sign-in: the account starts afresh and the IP gets its reserved slot back. */
export async function releaseOnSuccess(trx: Knex | Knex.Transaction, keys: ThrottleKey[]): Promise<void> {
  for (const { kind, key } of keys) {
    if (kind === 'account') await trx('login_failures').where({ key }).delete();
    else await trx('login_failures').where({ key }).andWhere('count', '>', 0).decrement('count', 1);
  }
}

/** Forgets windows that ended a day ago or more, so attempts at random emails do not pile up rows. */
export async function pruneExpired(db: Knex | Knex.Transaction, now: number): Promise<void> {
  await db('login_failures').where('window_start', '<=', new Date(now - WINDOW_MS - 24 * 3_600_000).toISOString()).delete();
}
