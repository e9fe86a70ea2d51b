// How times read on screen; plain functions so the browser tests can check the same rule.
/**
 * "Nov 22, 5:47 AM" this year, "Apr 22, 2025, 6:00 AM" before: in the user's language and time
 * zone (the browser's, unless `timeZone` says otherwise).
 */
export function formatDateTime(iso: string, locale: string, timeZone?: string, now = new Date()): string {
  const date = new Date(iso);
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(d);
  return new Intl.DateTimeFormat(locale, {
    month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone,
    ...(year(date) === year(now) ? {} : { year: 'numeric' }),
  }).format(date);
}

export function utcText(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
}
