// Why the session ended, as the server's 401 says it (`reason`, docs/api.md "Sign-in"), carried
// to the sign-in page in its URL (/login?reason=idle) so it can say so in the user's language.
// A 401 without a session cookie while the SPA thought it was signed in means the cookie was
// cleared by a sign-out in another tab or window: "ended", like a session ended elsewhere.

/** Reasons the sign-in page explains (the server's no_session needs no word before a first sign-in). */
export const EXPLAINED_REASONS = ['idle', 'expired', 'disabled', 'ended'] as const;
export type EndReason = (typeof EXPLAINED_REASONS)[number];

const isExplained = (r: unknown): r is EndReason => (EXPLAINED_REASONS as readonly unknown[]).includes(r);

/** The reason to tell the user for a 401 body, knowing whether the SPA believed it was signed in. */
export function endReasonOf(body: unknown, wasSignedIn: boolean): EndReason | undefined {
  const reason = (body as { reason?: unknown } | null | undefined)?.reason;
  if (isExplained(reason)) return reason;
  return wasSignedIn ? 'ended' : undefined;
}

/**
 * Of two reasons seen for the same ending, the more telling: requests in flight when a session
 * idles out each get a 401, and only the first sees "idle" (the server deletes the session then);
 * the others see "ended".
 */
export function moreTelling(a: EndReason | undefined, b: EndReason | undefined): EndReason | undefined {
  if (!a) return b;
  if (!b) return a;
  return a === 'ended' ? b : a;
}

export const loginPathFor = (reason: EndReason | undefined) => (reason ? `/login?reason=${reason}` : '/login');

/** The reason in the sign-in page's URL, if it is one the page explains. */
export function reasonInSearch(search: string): EndReason | undefined {
  const r = new URLSearchParams(search).get('reason');
  return isExplained(r) ? r : undefined;
}

/** Retry-After (seconds, or an HTTP date) as whole seconds to wait; undefined when absent. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const s = Number(header);
  if (Number.isFinite(s)) return Math.max(1, Math.ceil(s));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(1, Math.ceil((at - now) / 1000));
}
