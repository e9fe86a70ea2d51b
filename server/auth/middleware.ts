// Who is calling, and may they? Every route but health and login passes through requireSession;
// role checks are declared next to each route with allow(...roles).
import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../../shared/enums.ts';
import { EVERYONE } from '../../shared/permissions.ts';
import type { AppContext } from '../context.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { resolveSession, sessionToken, type SessionUser } from './sessions.ts';

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
    const user = token ? await resolveSession(ctx, token) : null;
    if (!user) throw unauthorized();
    req.user = user;
    next();
  };
}

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
