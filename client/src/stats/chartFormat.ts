// Number formats for charts and KPI cards, in the user's language: money on axes in compact
// notation with the currency's symbol ("$1.2M", "¥350K"), exact money in tooltips (the
// currency's own exponent), rates as percentages.
import { currencyExponent, formatMoney } from '../../../shared/currencies.ts';

/** Axis ticks: major units in, compact currency out. Small values keep the currency's decimals. */
export function formatMoneyCompact(major: number, currency: string, locale?: string): string {
  const big = Math.abs(major) >= 10_000;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: big ? 'compact' : 'standard',
    maximumFractionDigits: big ? 1 : Math.min(currencyExponent(currency), Math.abs(major) >= 100 ? 0 : 2),
    minimumFractionDigits: 0,
  }).format(major);
}

/** Tooltips and cards: exact minor units with the currency's exponent. */
export const formatMoneyExact = (minor: number, currency: string, locale?: string) => formatMoney(minor, currency, locale);

/** A fraction (0.0488) as a percentage ("4.88%"). */
export function formatRate(fraction: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(fraction);
}

/** Basis points (290) as a percentage ("2.9%"); "—" when there is no rate (no volume). */
export function formatBpsRate(bps: number | null, locale?: string): string {
  return bps === null ? '—' : formatRate(bps / 10_000, locale);
}

export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A period label for the x axis: "16 Nov" for days and weeks, "Nov 2026" for months. */
export function formatPeriod(period: string, interval: 'day' | 'week' | 'month', locale?: string): string {
  const d = new Date(`${period}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, interval === 'month'
    ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
}

/** Percent-axis ticks in round steps (0 %, 1 %, 2 %…) that cover the highest rate shown. */
export function rateTicks(maxBps: number): number[] {
  const step = maxBps <= 400 ? 100 : maxBps <= 800 ? 200 : 500;
  const top = Math.max(step, Math.ceil(maxBps / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}
