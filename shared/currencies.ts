// ISO 4217 minor-unit exponents. Amounts everywhere are integers in the minor unit; this table
// is how both sides turn them into human money.
export const CURRENCY_EXPONENTS: Record<string, number> = {
  USD: 2, EUR: 2, GBP: 2, MXN: 2, BRL: 2, CAD: 2, AUD: 2, CHF: 2, COP: 2, CLP: 0, JPY: 0, KRW: 0,
  BHD: 3, KWD: 3, JOD: 3,
};

export const SEED_CURRENCIES = ['USD', 'MXN', 'BRL', 'EUR', 'GBP', 'JPY'] as const;

export function currencyExponent(currency: string): number {
  return CURRENCY_EXPONENTS[currency.toUpperCase()] ?? 2;
}

export function isKnownCurrency(currency: string): boolean {
  return currency in CURRENCY_EXPONENTS;
}

/** 1050 USD → 10.5 ; 500 JPY → 500 ; 1500 BHD → 1.5 */
export function toMajorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** currencyExponent(currency);
}

/** Formats a minor-unit amount with the currency's own exponent, e.g. "$10.50", "¥500". */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const digits = currencyExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajorUnits(amountMinor, currency));
}
