// What an admin's session must have proved (docs/security.md, "Two-factor authentication"):
//   - every admin request but /api/auth/*: a confirmed enrolment — otherwise 403 with
//     `mfa_enrolment_required: true` (the SPA sends the admin to the set-up page) — and a session
//     that proved the second factor at least once (a session from before the enrolment gets
//     `step_up_required: true`);
//   - a payout decision and any change to users (users, admin grants): a proof within the last STEP_UP_MS — otherwise
//     403 with `step_up_required: true`; the SPA asks for a code (POST /api/auth/step-up) and
//     retries. Checked before the idempotency machinery, so the refusal is never stored as the
//     answer to the Idempotency-Key and the retry with the same key runs.
import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { HttpError } from '../../errors.ts';
import { currentUser } from '../middleware.ts';

export const STEP_UP_MS = 5 * 60_000;

export const stepUpRequired = (message = 'Confirm it is you: enter a code from your authenticator app') =>
  new HttpError(403, message, undefined, undefined, undefined, { step_up_required: true });

export const enrolmentRequired = () =>
  new HttpError(403, 'Admins must set up two-factor authentication before anything else', undefined, undefined, undefined, { mfa_enrolment_required: true });

/** Behind requireSession, in front of everything but /api/auth. */
export function requireAdminMfa(req: Request, _res: Response, next: NextFunction) {
  const user = currentUser(req);
  if (user.role === 'admin') {
    if (!user.mfaEnabled) throw enrolmentRequired();
    if (!user.verifiedAt) throw stepUpRequired();
  }
  next();
}

/** Whether a session verified at `verifiedAt` is still freshly verified at `now`. */
export const freshlyVerified = (verifiedAt: string | null, now: Date): boolean =>
  verifiedAt !== null && now.getTime() - Date.parse(verifiedAt) < STEP_UP_MS;

/** Every write through a router (reads and exports pass): users and admin grants, so any change to users. */
export function requireStepUpForWrites(ctx: Pick<AppContext, 'now'>) {
  const stepUp = requireStepUp(ctx);
  return (req: Request, res: Response, next: NextFunction) => (req.method === 'GET' || req.method === 'HEAD' ? next() : stepUp(req, res, next));
}

/** A sensitive action: the session proved the second factor within the last five minutes. */
export function requireStepUp(ctx: Pick<AppContext, 'now'>) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!freshlyVerified(currentUser(req).verifiedAt, ctx.now())) throw stepUpRequired();
    next();
  };
}
