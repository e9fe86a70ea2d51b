// Password hashing: scrypt at OWASP's recommended cost (N=2^17, r=8, p=1: 128 MiB, about a
// quarter second per hash here). The parameters are stored with each hash, so the cost can rise
// later without invalidating existing passwords: a login with weaker stored parameters re-hashes
// at the current cost (needsRehash). Memory stays bounded because node runs scrypt on the libuv
// thread pool (4 threads by default), so at most 4 hashes are in memory at once.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const OWASP_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const MAX_MEM = 256 * 1024 * 1024;

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

// NFC so the same password typed on different systems (composed or decomposed accents) matches.
const normalize = (password: string) => password.normalize('NFC');

export async function hashPassword(password: string, cost: ScryptCost = OWASP_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(normalize(password), salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEM });
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** The parameters a stored hash was made with, or null when it is not one of ours. */
export function hashParams(stored: string): (ScryptCost & { salt: Buffer; key: Buffer }) | null {
  const [scheme, n, r, p, salt, key, extra] = stored.split('$');
  if (scheme !== 'scrypt' || !key || extra !== undefined) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(cost).every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  return { ...cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const params = hashParams(stored);
  if (!params || params.key.length === 0) return false;
  const { N, r, p } = params;
  const key = await scrypt(normalize(password), params.salt, params.key.length, { N, r, p, maxmem: MAX_MEM });
  return timingSafeEqual(key, params.key);
}

/** True when a stored hash was made with weaker (or different) parameters than `cost`. */
export function needsRehash(stored: string, cost: ScryptCost = OWASP_COST): boolean {
  const params = hashParams(stored);
  return !params || params.N !== cost.N || params.r !== cost.r || params.p !== cost.p;
}

// Login verifies unknown emails against a hash of the same cost as real ones, so "no such user"
// takes as long as "wrong password". One hash per cost, made once per process.
const dummyHashes = new Map<string, Promise<string>>();

export function dummyHash(cost: ScryptCost = OWASP_COST): Promise<string> {
  const id = `${cost.N}/${cost.r}/${cost.p}`;
  let hash = dummyHashes.get(id);
  if (!hash) {
    hash = hashPassword(randomBytes(18).toString('base64'), cost);
    dummyHashes.set(id, hash);
  }
  return hash;
}
