// Calendar days as the whole product counts them: UTC days, written "YYYY-MM-DD". The server's
// date columns (a dispute's due date, chart buckets, report rows), its rules ("submit by the
// end of the due day") and every screen that says "today", "due in 3 days" or "overdue" use
// these, so no two screens can disagree about which day it is, whatever the browser's zone.
// Only date pickers for created_at ranges think in the user's own day (client/src/common/
// filterInputs.tsx), because there a person picks a day on their own calendar.

export const DAY_MS = 86_400_000;

/** The UTC day of an instant. */
export const utcDay = (at: Date | number | string): string => new Date(at).toISOString().slice(0, 10);

/** The first instant of a day, as epoch milliseconds. */
export const dayStartMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);

/** The first instant of a day, as the ISO timestamp stored in datetime columns. */
export const dayStart = (day: string): string => `${day}T00:00:00.000Z`;

export const addDays = (day: string, days: number): string => utcDay(dayStartMs(day) + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((dayStartMs(to) - dayStartMs(from)) / DAY_MS);

/** A real calendar day ("2026-02-30" is not: it would round-trip to 2026-03-02). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = dayStartMs(s);
  return !Number.isNaN(ms) && utcDay(ms) === s;
}

/** The last `days` days up to and including `today`. */
export const lastDays = (today: string, days: number) => ({ from: addDays(today, -(days - 1)), to: today });

/**
 * A deadline day ("respond by 2026-11-21") lasts until the end of that UTC day: this is the
 * first instant after it, when the deadline has passed.
 */
export const deadlineOf = (day: string): number => dayStartMs(addDays(day, 1));

/** Days left until a deadline day, counted on UTC days: 0 on the day itself, negative after. */
export const daysUntil = (day: string, now: Date | number): number => daysBetween(utcDay(now), day);

/** The longest range a chart or report may cover, in days (inclusive at both ends). */
export const MAX_RANGE_DAYS = 1096;

/** A range the stats and report API accepts: real days, from ≤ to, at most MAX_RANGE_DAYS. */
export const validRange = (from: string, to: string): boolean =>
  isDay(from) && isDay(to) && from <= to && daysBetween(from, to) < MAX_RANGE_DAYS;
