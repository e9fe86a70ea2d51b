// TOTP enrolment, in two steps: start (a new secret, shown once as a QR code and a manual key),
// then confirm with a first code from the app — only then does the second factor count, and the
// recovery codes are made and shown, once. Starting again before confirming replaces the pending
// secret; once confirmed, the secret never leaves the server again.
import QRCode from 'qrcode';
import type { Knex } from 'knex';
import { writeAudit } from '../../audit/audit.ts';
import type { Config } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { badRequest, conflict } from '../../errors.ts';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recoveryCodes.ts';
import { secretBox } from './secretBox.ts';
import { matchingStep, newTotpSecret, otpauthUri } from './totp.ts';

type Ctx = Pick<AppContext, 'db' | 'config' | 'now'>;

export interface EnrolmentStart {
  /** The base32 secret, for typing into an app by hand. */
  secret: string;
  otpauth_uri: string;
  /** The same URI as a QR code, a PNG data URL. */
  qr_code: string;
}

const alreadyEnrolled = () => conflict('Two-factor authentication is already set up for this account');

export async function startEnrolment(ctx: Ctx, user: { id: string; email: string }): Promise<EnrolmentStart> {
  const secret = newTotpSecret();
  const changed = await ctx.db('users')
    .where('id', user.id)
    .whereNull('totp_confirmed_at')
    .update({ totp_secret: secretBox(ctx.config).seal(secret, user.id), totp_last_step: null });
  if (changed !== 1) throw alreadyEnrolled();
  const uri = otpauthUri(secret, user.email);
  return { secret, otpauth_uri: uri, qr_code: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
}

/**
 * Confirms the pending secret with a code from the app: the user is enrolled, gets a fresh set of
 * recovery codes (returned here, and never again), and `sessionId`'s session counts as verified.
 */
export async function confirmEnrolment(
  ctx: Ctx,
  user: { id: string; sessionId: string },
  otp: string,
  meta: { ip: string | null; at: string },
): Promise<string[]> {
  const row = await ctx.db('users').where('id', user.id).first('totp_secret', 'totp_confirmed_at');
  if (row?.totp_confirmed_at) throw alreadyEnrolled();
  if (!row?.totp_secret) throw conflict('Start the set-up first: there is no pending secret to confirm');
  const step = matchingStep(secretBox(ctx.config).open(row.totp_secret, user.id), otp.replace(/\s/g, ''), ctx.now().getTime());
  if (step === null) throw badRequest('The code is not valid', { otp: 'invalid' });
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (trx) => {
    // Only the secret the code was checked against, and only once (a second confirmation or a
    // restart meanwhile finds nothing to update).
    const confirmed = await trx('users')
      .where({ id: user.id, totp_secret: row.totp_secret })
      .whereNull('totp_confirmed_at')
      .update({ totp_confirmed_at: meta.at, totp_last_step: step });
    if (confirmed !== 1) throw conflict('The set-up changed meanwhile (started again, or already confirmed); start again');
    await replaceRecoveryCodes(trx, user.id, codes, meta.at);
    await trx('sessions').where('id', user.sessionId).update({ verified_at: meta.at });
    await writeAudit(trx, { actorId: user.id, action: 'mfa.enrolled', entity: 'users', entityId: user.id, ip: meta.ip, at: meta.at });
  });
  return codes;
}

async function replaceRecoveryCodes(trx: Knex.Transaction, userId: string, codes: string[], at: string) {
  await trx('mfa_recovery_codes').where('user_id', userId).delete();
  await trx('mfa_recovery_codes').insert(
    codes.map((c) => ({ code_hash: hashRecoveryCode(userId, normalizeRecoveryCode(c)!), user_id: userId, created_at: at })),
  );
}

/**
 * Enrols a user directly with a known secret (the demo admins, with DEMO_TOTP_SECRET): confirmed,
 * without recovery codes.
 */
export async function enrolWithSecret(db: Knex | Knex.Transaction, config: Pick<Config, 'MFA_SECRET_KEY'>, userId: string, secret: string, at: string) {
  await db('users').where('id', userId).update({ totp_secret: secretBox(config).seal(secret, userId), totp_confirmed_at: at, totp_last_step: null });
}
