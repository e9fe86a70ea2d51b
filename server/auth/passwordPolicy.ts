// The password policy (ASVS 2.1): 12 to 128 characters, anything printable, no composition rules,
// and hard to guess as estimated by zxcvbn-ts (passwordStrength.ts) — its dictionaries of common
// passwords, words and names, keyboard patterns, sequences, repetitions, dates and leetspeak —
// with the user's name and email and the product's own words as the words an attacker tries first.
// Checked when a password is set, never at login.
import { badRequest } from '../errors.ts';
import { estimateStrength, type Strength } from './passwordStrength.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * zxcvbn's top score: at least 10^10 guesses. Score 3 (10^8) still lets through patterns such as
 * `Asdf;lkj1234` (two keyboard runs and a sequence); against a leaked scrypt hash at our cost
 * (N=2^17: a few hundred guesses per second per GPU) 10^8 guesses fall in days, 10^10 take years,
 * while any three or four unrelated words pass easily.
 */
export const MIN_SCORE = 4;

/**
 * The product's words: what someone guessing a password for this back office of a payments
 * platform tries first (names, roles, card schemes and the test card numbers everyone knows).
 */
export const PRODUCT_WORDS: readonly string[] = [
  'kaito', 'backoffice', 'back office', 'payments', 'payment', 'merchant', 'merchants', 'refund', 'refunds',
  'payout', 'payouts', 'dispute', 'disputes', 'chargeback', 'ledger', 'dashboard', 'admin', 'administrator',
  'operator', 'support', 'finance', 'card', 'cards', 'credit', 'debit', 'visa', 'mastercard', 'maestro', 'amex',
  'discover', 'diners', 'elo', 'hipercard', 'jcb', 'unionpay', '4242424242424242', '4111111111111111',
  '5555555555554444', '378282246310005', '4242', '4111', '5555', 'demo',
];

/** Letters that leetspeak stands in for; "1" is read both ways. */
const LEET: Array<Record<string, string>> = [
  { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', '$': 's', '!': 'i', '|': 'l', '+': 't', '€': 'e' },
  { '1': 'l', '!': 'l' },
];

/** The user's own words: the email, its local part and its pieces, the words of the name. */
function personalWords(context: { email?: string; name?: string }): string[] {
  const words: string[] = [];
  const email = context.email?.trim().toLowerCase();
  if (email) {
    const [local, domain = ''] = email.split('@');
    // The domain's names too (not its last label): a company's own name is a first guess.
    words.push(email, local, ...local.split(/[^\p{L}\p{N}]+/u), ...domain.split('.').slice(0, -1));
  }
  if (context.name) words.push(context.name.toLowerCase(), ...context.name.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return [...new Set(words)].filter((w) => w.length > 0);
}

const squash = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The password with every occurrence of `words` taken out — read case-insensitively, through
 * leetspeak, and across separators ("K@ito", "Back-Office"). Only words of 4+ characters are
 * taken out, so a short name ("Ana") does not cut up "bananas".
 */
export function withoutWords(password: string, words: readonly string[]): string {
  const chars = [...password];
  const cut = new Array<boolean>(chars.length).fill(false);
  const terms = [...new Set(words.map((w) => squash(w.toLowerCase())))].filter((w) => [...w].length >= 4);
  for (const table of [{}, ...LEET] as Array<Record<string, string>>) {
    // The password's letters and digits (after this reading of leetspeak), with where each came from.
    const kept: Array<{ ch: string; at: number }> = [];
    chars.forEach((c, at) => {
      const ch = table[c] ?? c.toLowerCase();
      if (/[\p{L}\p{N}]/u.test(ch)) kept.push({ ch, at });
    });
    const text = kept.map((k) => k.ch).join('');
    for (const term of terms) {
      for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) {
        const from = kept[i].at;
        const to = kept[i + term.length - 1].at;
        for (let j = from; j <= to; j++) cut[j] = true;
      }
    }
  }
  return chars.filter((_, i) => !cut[i]).join('');
}

const explain = (s: Strength) =>
  [s.warning, ...s.suggestions].filter(Boolean).join(' ') || 'Add a few more unrelated words.';

/**
 * Returns the password when it is acceptable; otherwise a 400 whose `errors.password` names the
 * problem (`required`, `too short`, `too long`, `invalid characters`, `too common`, `contains email
 * or name`) and whose message says what to do. `context` is the account it is for.
 *
 * The password must reach MIN_SCORE as a whole, and again with the user's and the product's
 * words taken out: zxcvbn counts such a word as a single guess, yet rewards gluing it to other
 * parts (each part multiplies the guesses), so `Admin@Kaito2026` would rate as strong as four
 * random words. An attacker aiming at this product or this person tries those parts first, so
 * they add nothing: what is left must be strong on its own.
 */
export async function checkPasswordPolicy(password: unknown, context: { email?: string; name?: string } = {}): Promise<string> {
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

  const normalized = password.normalize('NFC');
  const personal = personalWords(context);
  const withoutPersonal = withoutWords(normalized, personal);
  const withoutAny = withoutWords(withoutPersonal, PRODUCT_WORDS);
  const variants = [...new Set([normalized, withoutPersonal, withoutAny])];
  const scores = await estimateStrength(variants, [...PRODUCT_WORDS, ...personal]);
  const strength = (v: string) => scores[variants.indexOf(v)];
  const weak = (v: string) => strength(v).score < MIN_SCORE;
  if (withoutPersonal !== normalized && (weak(normalized) || weak(withoutPersonal))) {
    return refuse(
      `Your email address and name do not count towards a password's strength. ${explain(strength(withoutPersonal))}`,
      'contains email or name',
    );
  }
  if (weak(normalized)) return refuse(`This password is too easy to guess. ${explain(strength(normalized))}`, 'too common');
  if (weak(withoutAny)) {
    return refuse(
      'The product\'s words (Kaito, back office, payments, roles, card names and test numbers) do not count towards a password\'s strength. Add a few unrelated words.',
      'too common',
    );
  }
  return password;
}
