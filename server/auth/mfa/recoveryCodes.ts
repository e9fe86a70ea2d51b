// One-time recovery codes, for a lost phone: 10 per enrolment, 80 random bits each, shown once and
// stored only as SHA-256 (like session tokens: at 80 bits a hash cannot be reversed by guessing,
// so a copy of the database yields no usable code). The user id is hashed in, so a code only
// ever works for its own account. Written in Crockford's base32 (no I, L, O, U), in groups of
// four; typing is forgiving: any case, dashes and spaces ignored, I/L read as 1 and O as 0.
import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 16;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** The code as typed, in its canonical form, or null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
  return s.length === LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

export const hashRecoveryCode = (userId: string, normalized: string): string =>
  createHash('sha256').update(`${userId}:${normalized}`).digest('hex');
