// POST /api/auth/mfa/enrol, POST /api/auth/mfa/confirm, POST /api/auth/step-up — for the signed-in
// user, whatever their role (required for admins: stepUp.ts).
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import { isoNow, type AppContext } from '../../context.ts';
import { badRequest, conflict } from '../../errors.ts';
import { parseBody } from '../../http/validate.ts';
import { currentUser, requireSession } from '../middleware.ts';
import { guardAttempt, releaseOnSuccess, throttleKeys } from '../throttle.ts';
import { confirmEnrolment, startEnrolment } from './enrolment.ts';
import { checkSecondFactor } from './verify.ts';

/** A TOTP code (6 digits) or a recovery code (16 characters, dashes and spaces allowed). */
export const Otp = z.string().trim().min(1).max(64);
export const OtpBody = z.object({ otp: Otp });

export function mountMfaRoutes(router: Router, ctx: AppContext): void {
  const session = requireSession(ctx);

  router.post('/mfa/enrol', session, async (req: Request, res: Response) => {
    res.json(await startEnrolment(ctx, currentUser(req)));
  });

  router.post('/mfa/confirm', session, async (req: Request, res: Response) => {
    const { otp } = parseBody(OtpBody, req.body);
    const recoveryCodes = await confirmEnrolment(ctx, currentUser(req), otp, { ip: req.ip ?? null, at: isoNow(ctx) });
    res.json({ recovery_codes: recoveryCodes });
  });

  // Throttled like a sign-in (a borrowed session must not be able to guess codes), and a good
  // code is used up like at sign-in: the same code cannot step up twice.
  router.post('/step-up', session, async (req: Request, res: Response) => {
    const me = currentUser(req);
    const { otp } = parseBody(OtpBody, req.body);
    if (!me.mfaEnabled) throw conflict('Two-factor authentication is not set up for this account');
    const ip = req.ip ?? null;
    const at = isoNow(ctx);
    const keys = throttleKeys(me.email, ip);
    await guardAttempt(ctx, keys, { email: me.email, userId: me.id, ip, at });
    const check = await checkSecondFactor(ctx, me.id, otp);
    if (!check.ok) {
      await writeAudit(ctx.db, {
        actorId: me.id, action: 'mfa.step_up_failed', entity: 'users', entityId: me.id, detail: { reason: check.reason }, ip, at,
      });
      throw badRequest('The code is not valid', { otp: 'invalid' });
    }
    await ctx.db.transaction(async (trx) => {
      await trx('sessions').where('id', me.sessionId).update({ verified_at: at });
      await releaseOnSuccess(trx, keys);
      await writeAudit(trx, {
        actorId: me.id, action: 'mfa.step_up', entity: 'users', entityId: me.id,
        detail: check.via === 'recovery_code' ? { via: 'recovery_code' } : undefined, ip, at,
      });
    });
    res.status(204).end();
  });
}
