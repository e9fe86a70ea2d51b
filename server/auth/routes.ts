// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password, and the
// second factor's routes (mfa/routes.ts)
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Role } from '../../shared/enums.ts';
import { writeAudit } from '../audit/audit.ts';
import { isoNow, type AppContext } from '../context.ts';
import { HttpError, badRequest } from '../errors.ts';
import { parseBody } from '../http/validate.ts';
import { currentUser, requireSession } from './middleware.ts';
import { mountMfaRoutes, Otp } from './mfa/routes.ts';
import { checkSecondFactor, isEnrolled, type SecondFactor } from './mfa/verify.ts';
import { dummyHash, hashPassword, needsRehash, OWASP_COST, verifyPassword } from './password.ts';
import { checkPasswordPolicy } from './passwordPolicy.ts';
import {
  createSession, destroySession, destroyUserSessions, pruneSessions, sessionCookie, sessionToken,
} from './sessions.ts';
import { guardAttempt, pruneExpired, releaseIpSlot, releaseOnSuccess, throttleKeys } from './throttle.ts';

// Lengths are generous (a password manager's 128 characters of astral-plane symbols fit); the
// policy applies when a password is set, not here, so an old password still signs in.
export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1024),
  /** The second factor, for an enrolled user: a TOTP code or a recovery code. */
  otp: Otp.optional(),
});

export const PasswordChange = z.object({
  current_password: z.string().min(1).max(1024),
  new_password: z.string().max(1024),
});

const INVALID_LOGIN = 'Invalid email or password';

/** Who is signed in, as /me and a sign-in answer it: with what the SPA needs to route on. */
export function meBody(user: { id: string; email: string; name: string; role: Role; mfaEnabled: boolean }) {
  return {
    id: user.id, email: user.email, name: user.name, role: user.role,
    mfa_enabled: user.mfaEnabled,
    /** An admin without a confirmed enrolment: every API call but /api/auth/* is refused until then. */
    mfa_enrolment_required: user.role === 'admin' && !user.mfaEnabled,
  };
}

const mfaRefusal = (message: string) => new HttpError(401, message, undefined, undefined, undefined, { mfa_required: true });

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const cost = ctx.passwordCost ?? OWASP_COST;
  // Made now, not at the first unknown email, so even that first answer takes the usual time.
  void dummyHash(cost);

  router.post('/login', async (req: Request, res: Response) => {
    const { email, password, otp } = parseBody(LoginBody, req.body);
    const ip = req.ip ?? null;
    const at = isoNow(ctx);
    const keys = throttleKeys(email, ip);
    const user = await ctx.db('users').where('email', email).first();
    await guardAttempt(ctx, keys, { email, userId: user?.id ?? null, ip, at });

    // Unknown emails are checked against a dummy hash of the same cost: both failures take as long.
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash(cost)));
    if (!ok || !user || user.disabled) {
      const reason = !user ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled';
      // The failure was already counted by the throttle's reservation; this records who and why.
      await writeAudit(ctx.db, {
        actorId: null, action: 'login.failed', entity: 'users', entityId: user?.id ?? null,
        detail: { email, reason }, ip, at,
      });
      throw new HttpError(401, INVALID_LOGIN);
    }

    // The second factor, for an enrolled user (docs/security.md, "Two-factor authentication"). A
    // wrong or replayed code keeps its throttle slot like a wrong password; the right password
    // without a code gives back only the address's slot (throttle.ts, releaseIpSlot).
    let via: SecondFactor | null = null;
    if (isEnrolled(user)) {
      if (!otp) {
        await releaseIpSlot(ctx.db, keys);
        throw mfaRefusal('Enter the code from your authenticator app (or a recovery code)');
      }
      const check = await checkSecondFactor(ctx, user.id, otp);
      if (!check.ok) {
        await writeAudit(ctx.db, {
          actorId: null, action: 'login.failed', entity: 'users', entityId: user.id, detail: { email, reason: check.reason }, ip, at,
        });
        throw mfaRefusal('The code is not valid, or was already used');
      }
      via = check.via;
    }

    // Hashing is slow: the upgrade of an old-cost hash is computed before the transaction.
    const rehashed = needsRehash(user.password_hash, cost) ? await hashPassword(password, cost) : null;
    const previous = sessionToken(ctx, req);
    const token = await ctx.db.transaction(async (trx) => {
      // A new session id at every login; the one the browser still carried ends here.
      if (previous) await destroySession(trx, previous);
      // Signing in with the second factor proves it: the session starts freshly verified.
      const t = await createSession(trx, user.id, at, ip, via ? at : null);
      await trx('users').where('id', user.id).update({
        last_login_at: at, ...(rehashed ? { password_hash: rehashed } : {}),
      });
      await releaseOnSuccess(trx, keys);
      await writeAudit(trx, {
        actorId: user.id, action: 'login.succeeded', entity: 'users', entityId: user.id,
        detail: rehashed || via === 'recovery_code'
          ? { ...(rehashed ? { password_rehashed: true } : {}), ...(via === 'recovery_code' ? { via } : {}) }
          : undefined,
        ip, at,
      });
      await pruneSessions(ctx, trx, ctx.now().getTime());
      await pruneExpired(trx, ctx.now().getTime());
      return t;
    });
    const cookie = sessionCookie(ctx, req);
    res.cookie(cookie.name, token, cookie.options);
    res.json(meBody({ ...user, mfaEnabled: isEnrolled(user) }));
  });

  router.post('/logout', async (req: Request, res: Response) => {
    const token = sessionToken(ctx, req);
    if (token) {
      await ctx.db.transaction(async (trx) => {
        const userId = await destroySession(trx, token);
        if (userId) {
          await writeAudit(trx, { actorId: userId, action: 'logout', entity: 'users', entityId: userId, ip: req.ip, at: isoNow(ctx) });
        }
      });
    }
    const cookie = sessionCookie(ctx, req);
    res.clearCookie(cookie.name, cookie.options);
    res.status(204).end();
  });

  router.get('/me', requireSession(ctx), (req: Request, res: Response) => {
    res.json(meBody(currentUser(req)));
  });

  // Changing one's own password needs the current one (throttled like a login, so a borrowed
  // session cannot guess it) and ends every other session of the account.
  router.post('/password', requireSession(ctx), async (req: Request, res: Response) => {
    const me = currentUser(req);
    const body = parseBody(PasswordChange, req.body);
    const ip = req.ip ?? null;
    const at = isoNow(ctx);
    const keys = throttleKeys(me.email, ip);
    await guardAttempt(ctx, keys, { email: me.email, userId: me.id, ip, at });
    // The session was just checked, so its user is there.
    const row = (await ctx.db('users').where('id', me.id).first('password_hash'))!;
    if (!(await verifyPassword(body.current_password, row.password_hash))) {
      await writeAudit(ctx.db, {
        actorId: me.id, action: 'password.change_failed', entity: 'users', entityId: me.id,
        detail: { reason: 'wrong_password' }, ip, at,
      });
      throw badRequest('The current password is not correct', { current_password: 'incorrect' });
    }
    const password = await checkPasswordPolicy(body.new_password, { email: me.email, name: me.name });
    if (password === body.current_password) {
      throw badRequest('The new password must differ from the current one', { new_password: 'unchanged' });
    }
    const hash = await hashPassword(password, cost);
    const token = await ctx.db.transaction(async (trx) => {
      await trx('users').where('id', me.id).update({ password_hash: hash });
      await destroyUserSessions(trx, me.id);
      await releaseOnSuccess(trx, keys);
      await writeAudit(trx, { actorId: me.id, action: 'password.changed', entity: 'users', entityId: me.id, ip, at });
      // The new session keeps what this one proved: a password change is no second factor, nor does it undo one.
      return createSession(trx, me.id, at, ip, me.verifiedAt);
    });
    const cookie = sessionCookie(ctx, req);
    res.cookie(cookie.name, token, cookie.options);
    res.status(204).end();
  });

  mountMfaRoutes(router, ctx);

  return router;
}
