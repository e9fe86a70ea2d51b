// POST /api/events/:id/retry — admins re-apply a failed or parked processor event
// (docs/processor.md); answers the event as it stands after the attempt. 409 for any other status.
import type { Request, Response, Router } from 'express';
import { rolesFor } from '../../../shared/permissions.ts';
import { allow } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { conflict, notFound } from '../../errors.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { retryEvent } from '../../processor/events/apply.ts';
import { events } from './definition.ts';

export function mountEventRoutes(router: Router, ctx: AppContext): void {
  router.post('/:id/retry', allow(...rolesFor('events', 'retry')), async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const row = await ctx.db('processor_events').where('id', id).first('status');
    if (!row) throw notFound(`No event with id "${id}"`);
    const outcome = await retryEvent(ctx, id);
    if (outcome === null) throw conflict(`Only failed or parked events can be retried; this one is ${row.status}`);
    res.json(await fetchOne(ctx.db, events, id));
  });
}
