// Who is calling, and may they? Every route but health and login passes through requireSession;
// role checks are declared next to each route with allow(...roles).
import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../../shared/enums.ts';
import { EVERYONE } from '../../shared/permissions.ts';
import type { AppContext } from '../context.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { checkSession, sessionToken, type SessionEndReason, type SessionUser } from './sessions.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: SessionUser;
    }
  }
}

export function requireSession(ctx: AppContext) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = sessionToken(ctx, req);
    const check = token ? await checkSession(ctx, token) : { ended: 'no_session' as const };
    if (!check.user) throw unauthorized(SESSION_ENDED[check.ended], check.ended);
    req.user = check.user;
    next();
  };
}

/** The 401's message for each reason (the SPA shows its own words, in the user's language). */
const SESSION_ENDED: Record<SessionEndReason, string> = {
  no_session: 'Authentication required',
  idle: 'Your session ended after a period of inactivity; sign in again',
  expired: 'Your session reached its maximum length; sign in again',
  disabled: 'This account is disabled',
  ended: 'Your session was ended (signed out elsewhere, or replaced by a newer sign-in); sign in again',
};

export function allow(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.user || !roles.includes(req.user.role)) throw forbidden();
    next();
  };
}

/** The signed-in user; only valid behind requireSession. */
export function currentUser(req: Request): SessionUser {
  if (!req.user) throw unauthorized();
  return req.user;
}

export const ALL_ROLES: readonly Role[] = EVERYONE;
