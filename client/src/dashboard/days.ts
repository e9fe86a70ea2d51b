// Calendar days as the stats API speaks them: UTC "YYYY-MM-DD", ranges inclusive at both ends.
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The last `days` days up to and including `today`. */
export const lastDays = (today: string, days: number) => ({ from: addDays(today, -(days - 1)), to: today });

/** A real calendar day (2026-02-30 is not: it would round-trip to 2026-03-02). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** A range the API accepts: real days, from ≤ to, at most 1096 days. */
export function validRange(from: string, to: string): boolean {
  if (!isDay(from) || !isDay(to) || from > to) return false;
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 < 1096;
}
