// The password policy (ASVS 2.1): at least 12 characters, at most 128, anything printable allowed
// and no composition rules; refused when it is a known common password, a common word dressed up
// with digits, symbols or leetspeak, a keyboard walk or sequence, a repetition, or built from the
// user's own email or name. Checked when a password is set, never at login.
import { badRequest } from '../errors.ts';
import { BASE_WORDS, KNOWN } from './commonPasswords.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

const BASE = new Set(BASE_WORDS);
const KNOWN_SET = new Set(KNOWN);

const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', '$': 's', '!': 'i', '|': 'l', '+': 't', '€': 'e',
};

// Strings whose neighbouring characters make a "walk": alphabet, digits, keyboard rows and columns.
const WALKS = [
  'abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', '1q2w3e4r5t6y7u8i9o0p', 'zaq1xsw2cde3vfr4bgt5nhy6mju7ki8lo9',
  '147258369', '159357', '963852741', '789456123',
];
const NEIGHBOURS = new Set<string>();
for (const walk of WALKS) {
  for (let i = 0; i + 1 < walk.length; i++) {
    NEIGHBOURS.add(walk[i] + walk[i + 1]);
    NEIGHBOURS.add(walk[i + 1] + walk[i]);
  }
}

const lettersOnly = (s: string) => s.replace(/[^\p{L}]/gu, '');

/** The common word behind "P@ssw0rd2024!" (→ "password"), or the password's letters alone. */
function cores(lower: string): string[] {
  const trimmed = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const unleet = [...trimmed].map((c) => LEET[c] ?? c).join('');
  return [lettersOnly(unleet), lettersOnly(lower)].filter((c) => c.length > 0);
}

const isCommonWord = (core: string) => {
  if (BASE.has(core)) return true;
  // "monkeymonkey", "loveloveloveLove": a common word repeated
  const unit = /^(.+?)\1+$/u.exec(core)?.[1];
  return unit !== undefined && BASE.has(unit);
};

/** Most neighbouring pairs on a keyboard row, column or in a sequence: "qwertyuiopas", "1qaz2wsx3edc". */
function isWalk(lower: string): boolean {
  const chars = [...lower];
  let walked = 0;
  for (let i = 0; i + 1 < chars.length; i++) if (NEIGHBOURS.has(chars[i] + chars[i + 1])) walked++;
  return walked / (chars.length - 1) >= 0.8;
}

function isPredictable(lower: string): boolean {
  if (KNOWN_SET.has(lower)) return true;
  if (/^(.+?)\1+$/su.test(lower)) return true; // "abcabcabcabc", "123123123123"
  if (new Set(lower).size < 5) return true; // "aaaaaaaaaab1", "111122223333"
  if (isWalk(lower)) return true;
  return cores(lower).some(isCommonWord);
}

/** Pieces of the user's identity that must not make up the password: email, its local part, names. */
function personalTerms(context: { email?: string; name?: string }): string[] {
  const terms: string[] = [];
  const email = context.email?.trim().toLowerCase();
  if (email) {
    terms.push(email);
    const local = email.split('@')[0];
    terms.push(local, local.replace(/[^\p{L}\p{N}]/gu, ''));
    terms.push(...local.split(/[^\p{L}\p{N}]+/u));
  }
  if (context.name) terms.push(...context.name.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return [...new Set(terms)].filter((t) => [...t].length >= 4);
}

/**
 * Returns the password when it is acceptable; otherwise a 400 whose `errors.password` names the
 * problem. `context` is the account it is for (its email and name must not make up the password).
 */
export function checkPasswordPolicy(password: unknown, context: { email?: string; name?: string } = {}): string {
  const refuse = (message: string, reason: string): never => {
    throw badRequest(message, { password: reason });
  };
  if (typeof password !== 'string' || password.length === 0) return refuse('Password is required', 'required');
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return refuse(`Password must be at least ${MIN_PASSWORD_LENGTH} characters`, 'too short');
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return refuse(`Password must be at most ${MAX_PASSWORD_LENGTH} characters`, 'too long');
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) return refuse('Password must not contain control characters', 'invalid characters');
  const lower = password.normalize('NFC').toLowerCase();
  const squash = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
  const squashed = squash(lower);
  const containsTerm = (t: string) => lower.includes(t) || (squash(t).length >= 4 && squashed.includes(squash(t)));
  if (personalTerms(context).some(containsTerm)) {
    return refuse('Password must not contain your email address or name', 'contains email or name');
  }
  if (isPredictable(lower)) {
    return refuse('This password is too common or easy to guess; a few unrelated words make a good one', 'too common');
  }
  return password;
}
