// Checking a second factor: a TOTP code, or one of the user's recovery codes. Each is accepted at
// most once, by one conditional UPDATE that is exact under concurrency on both engines (the
// second of two requests with the same code waits for the first's row lock, then finds the
// condition false): a TOTP code only for a step later than the last one accepted (RFC 6238 §5.2:
// a code seen over someone's shoulder or in a proxy log cannot be replayed, also not within its
// 30 seconds), a recovery code only while its used_at is still empty.
import type { AppContext } from '../../context.ts';
import { hashRecoveryCode, normalizeRecoveryCode } from './recoveryCodes.ts';
import { secretBox } from './secretBox.ts';
import { matchingStep } from './totp.ts';

export type SecondFactor = 'totp' | 'recovery_code';
export type OtpCheck = { ok: true; via: SecondFactor } | { ok: false; reason: 'wrong_otp' | 'replayed_otp' };

/** Whether the user has confirmed a TOTP enrolment (a sign-in then needs a code). */
export const isEnrolled = (row: { totp_confirmed_at?: string | null }): boolean => Boolean(row.totp_confirmed_at);

/**
 * Checks `otp` for an enrolled user and, when it is good, uses it up. Six digits are a TOTP code;
 * anything else is tried as a recovery code.
 */
export async function checkSecondFactor(ctx: Pick<AppContext, 'db' | 'config' | 'now'>, userId: string, otp: string): Promise<OtpCheck> {
  const row = await ctx.db('users').where('id', userId).first('totp_secret', 'totp_confirmed_at');
  // A confirmed enrolment always has its sealed secret; the check narrows the type.
  if (!row || !isEnrolled(row) || row.totp_secret === null) return { ok: false, reason: 'wrong_otp' };
  const now = ctx.now();
  const token = otp.replace(/\s/g, '');
  if (/^\d+$/.test(token)) {
    const box = secretBox(ctx.config);
    const secret = box.open(row.totp_secret, userId);
    const step = matchingStep(secret, token, now.getTime());
    if (step === null) return { ok: false, reason: 'wrong_otp' };
    const accepted = await ctx.db('users')
      .where('id', userId)
      .andWhere((q) => q.whereNull('totp_last_step').orWhere('totp_last_step', '<', step))
      // A secret sealed with the previous MFA_SECRET_KEY moves to the current one as it is used.
      .update({ totp_last_step: step, ...(box.isStale(row.totp_secret) ? { totp_secret: box.seal(secret, userId) } : {}) });
    return accepted === 1 ? { ok: true, via: 'totp' } : { ok: false, reason: 'replayed_otp' };
  }
  const code = normalizeRecoveryCode(otp);
  if (!code) return { ok: false, reason: 'wrong_otp' };
  const used = await ctx.db('mfa_recovery_codes')
    .where({ code_hash: hashRecoveryCode(userId, code), user_id: userId })
    .whereNull('used_at')
    .update({ used_at: now.toISOString() });
  return used === 1 ? { ok: true, via: 'recovery_code' } : { ok: false, reason: 'wrong_otp' };
}
