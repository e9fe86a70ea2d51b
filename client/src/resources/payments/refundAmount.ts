// Refund amounts are typed in major units ("12.50", or "12,50" as Spanish and Portuguese write
// it) and sent in the currency's minor units (1250), converted with its exponent: JPY has no
// decimals, BHD three. Exact string arithmetic: 0.1 + 0.2 never enters a refund.
import { currencyExponent } from '../../../../shared/currencies.ts';

export type AmountProblem = 'required' | 'invalid' | 'decimals' | 'positive' | 'too_much';

export type AmountCheck = { ok: true; minor: number } | { ok: false; problem: AmountProblem };

/**
 * 1250 USD → "12.50"; 500 JPY → "500"; 1500 BHD → "1.500" — what the input is prefilled with,
 * with the decimal separator of the user's language ("12,50" in Spanish and Portuguese).
 */
export function minorToInput(minor: number, currency: string, decimal = '.'): string {
  const exp = currencyExponent(currency);
  if (exp === 0) return String(minor);
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  return `${minor < 0 ? '-' : ''}${digits.slice(0, -exp)}${decimal}${digits.slice(-exp)}`;
}

/** "." or "," as the language writes decimals. */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** The typed amount in minor units, or why it cannot be refunded (at most `max`). */
export function parseAmountInput(text: string, currency: string, max: number): AmountCheck {
  const value = text.trim().replace(/\s/g, '');
  if (value === '') return { ok: false, problem: 'required' };
  const m = /^(\d*)(?:[.,](\d*))?$/.exec(value);
  if (!m || (m[1] === '' && !m[2])) return { ok: false, problem: 'invalid' };
  const exp = currencyExponent(currency);
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exp) return { ok: false, problem: 'decimals' };
  const minor = Number(`${m[1] || '0'}${fraction.padEnd(exp, '0')}`);
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: 'invalid' };
  if (minor <= 0) return { ok: false, problem: 'positive' };
  if (minor > max) return { ok: false, problem: 'too_much' };
  return { ok: true, minor };
}
