// TOTP as RFC 6238 and every authenticator app read it: SHA-1, 6 digits, 30-second steps, through
// the otpauth library. A code is accepted for the current step or one step either side (a phone
// clock a little off, a code typed as it changes); which step matched is returned, so the caller
// can refuse a step already used (verify.ts).
import { Secret, TOTP } from 'otpauth';

export const PERIOD_SECONDS = 30;
export const DIGITS = 6;
const ISSUER = 'Kaito Back Office';

function totp(secretBase32: string, label = '') {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new random secret: 160 bits (RFC 4226's recommended length), base32. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The 30-second step a moment falls in. */
export const stepAt = (ms: number): number => Math.floor(ms / 1000 / PERIOD_SECONDS);

/** The code for a moment (demo:otp, the test harness). */
export const totpCode = (secretBase32: string, ms: number): string => totp(secretBase32).generate({ timestamp: ms });

/** The step whose code this is (the current one or a neighbour), or null when it is none of them. */
export function matchingStep(secretBase32: string, token: string, ms: number): number | null {
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: ms, window: 1 });
  return delta === null ? null : stepAt(ms) + delta;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const otpauthUri = (secretBase32: string, account: string): string => totp(secretBase32, account).toString();
