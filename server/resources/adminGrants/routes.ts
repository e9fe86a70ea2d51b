// POST /api/admin_grants/:id/approve and /reject — admins only (the resource is read by admins
// alone, and its router checks that first). The rules are the service's.
import type { Request, Response, Router } from 'express';
import { rolesFor } from '../../../shared/permissions.ts';
import { allow } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { actorOf } from '../actor.ts';
import { adminGrants } from './definition.ts';
import { approveAdminGrant, rejectAdminGrant } from './service.ts';

export function mountAdminGrantRoutes(router: Router, ctx: AppContext): void {
  for (const [verb, decide] of [['approve', approveAdminGrant], ['reject', rejectAdminGrant]] as const) {
    router.post(`/:id/${verb}`, allow(...rolesFor('admin_grants', verb)), async (req: Request, res: Response) => {
      const id = String(req.params.id);
      await ctx.db.transaction((trx) => decide(trx, id, actorOf(ctx, req)));
      res.json(await fetchOne(ctx.db, adminGrants, id));
    });
  }
}
