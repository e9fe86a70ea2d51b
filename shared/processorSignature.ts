// The signature of every event the processor sends, written once for both ends: the simulator
// signs with it, the back office verifies with it (docs/processor.md, "Signature").
//   Kaito-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=<hex>]
// Pure computation over bytes (node:crypto only); no I/O.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Kaito-Signature';
/** How far `t` may be from the receiver's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const hmac = (secret: string, t: string, body: Buffer | string) =>
  createHmac('sha256', secret).update(`${t}.`).update(body).digest();

/** The header value for `body` signed with `secret` at `at`. */
export function signatureHeader(secret: string, body: Buffer | string, at: Date): string {
  const t = String(Math.floor(at.getTime() / 1000));
  return `t=${t},v1=${hmac(secret, t, body).toString('hex')}`;
}

/** The secrets a PROCESSOR_WEBHOOK_SECRET value holds: one, or a comma-separated pair during a rotation. */
export function webhookSecrets(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a header against the raw body: well-formed, `t` within the tolerance of `now`, and some
 * `v1` equal (in constant time) to the HMAC under some secret. The body is the exact bytes
 * received, before any parsing.
 */
export function verifySignature(
  header: string | undefined, body: Buffer | string, secrets: readonly string[], now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: `Missing ${SIGNATURE_HEADER} header` };
  if (secrets.length === 0) return { ok: false, reason: 'No webhook secret is configured' };
  let t: string | undefined;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = value;
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) candidates.push(Buffer.from(value, 'hex'));
  }
  if (t === undefined || candidates.length === 0) return { ok: false, reason: `Malformed ${SIGNATURE_HEADER} header` };
  if (Math.abs(now.getTime() / 1000 - Number(t)) > toleranceSeconds) {
    return { ok: false, reason: `${SIGNATURE_HEADER} timestamp is more than ${toleranceSeconds / 60} minutes from the server clock` };
  }
  const expected = secrets.map((s) => hmac(s, t, body));
  // Every comparison runs, whichever matches, so the time taken says nothing about which.
  let match = false;
  for (const e of expected) for (const c of candidates) match = timingSafeEqual(e, c) || match;
  return match ? { ok: true } : { ok: false, reason: `${SIGNATURE_HEADER} does not match` };
}
