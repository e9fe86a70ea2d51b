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
}

export const actorOf = (ctx: AppContext, req: Request): Actor => ({ id: currentUser(req).id, ip: req.ip ?? null, at: isoNow(ctx) });

/** The action's day in UTC, "YYYY-MM-DD", for comparisons with date columns. */
export const dayOf = (actor: Pick<Actor, 'at'>): string => utcDay(actor.at);
