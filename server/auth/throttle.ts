// Login throttling per account and per client IP, kept in the database so it holds across
// instances and restarts. A fixed window per key: after LIMIT failed sign-ins within WINDOW,
// further attempts get 429 with Retry-After until the window ends.
//
// Every attempt first *reserves* a slot with one atomic upsert (count + 1, returning the new
// count), so a burst of parallel guesses cannot all slip past the check before any failure is
// recorded. A successful sign-in gives its slots back: the account counter is cleared and the IP
// counter returns its one slot, so only failures ever count.
//
// The limits: 10 failures per account per 15 minutes (40 an hour, inside ASVS 2.2.1's 100, and
// lenient enough that typos never lock anyone out while an attacker gets nowhere) and 50 per IP
// (an office behind one NAT address never fails 50 times in 15 minutes; a password-spraying
// client across many accounts is stopped). IPv6 clients are counted per /64, the block one
// subscriber gets, so rotating addresses inside it does not reset the count.
import { isIPv6 } from 'node:net';
import type { Knex } from 'knex';

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
 * Counts this attempt against every key; returns the first limit it goes over (the attempt must
 * then be refused without checking the password), or null.
 */
export async function reserveAttempt(trx: Knex | Knex.Transaction, now: number, keys: ThrottleKey[]): Promise<Refusal | null> {
  const at = new Date(now).toISOString();
  const windowOpenedBefore = new Date(now - WINDOW_MS).toISOString();
  let refusal: Refusal | null = null;
  for (const { kind, key } of keys) {
    // Fixed-width ISO strings compare as times on both engines. A window that ended restarts at 1.
    const result = await trx.raw(
      `insert into login_failures ("key", "count", window_start) values (?, 1, ?)
       on conflict ("key") do update set
         "count" = case when login_failures.window_start <= ? then 1 else login_failures."count" + 1 end,
         window_start = case when login_failures.window_start <= ? then excluded.window_start else login_failures.window_start end
       returning "count", window_start`,
      [key, at, windowOpenedBefore, windowOpenedBefore],
    );
    const row = (Array.isArray(result) ? result[0] : result.rows[0]) as { count: number | string; window_start: string };
    if (Number(row.count) > LIMITS[kind] && !refusal) {
      const ends = Date.parse(row.window_start) + WINDOW_MS;
      refusal = { kind, retryAfterSeconds: Math.max(1, Math.ceil((ends - now) / 1000)) };
    }
  }
  return refusal;
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
