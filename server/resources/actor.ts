// Who does an action, from where, and when: what a service needs from the request (services
// never see `req`). `at` comes from the app clock, so tests can move time.
import type { Request } from 'express';
import { utcDay } from '../../shared/days.ts';
import { currentUser } from '../auth/middleware.ts';
import { isoNow, type AppContext } from '../context.ts';

export interface Actor {
  id: string;
  ip: string | null;
  /** ISO timestamp of the action. */
  at: string;
  /** The request's X-Request-Id, passed on to the processor by the outbox. */
  requestId?: string | null;
}

export const actorOf = (ctx: AppContext, req: Request): Actor => ({
  id: currentUser(req).id, ip: req.ip ?? null, at: isoNow(ctx), requestId: requestIdOf(req),
});

/** The action's day in UTC, "YYYY-MM-DD", for comparisons with date columns. */
export const dayOf = (actor: Pick<Actor, 'at'>): string => utcDay(actor.at);

/** pino-http's req.id, which server/http/requestId.ts sets from the caller's X-Request-Id or a fresh UUID. */
function requestIdOf(req: Request): string | null {
  const id: unknown = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}
