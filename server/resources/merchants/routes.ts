// PUT /api/merchants/:id — admins change a merchant's status and plan.
import type { Request, Response, Router } from 'express';
import { rolesFor } from '../../../shared/permissions.ts';
import { allow } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { parseBody } from '../../http/validate.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { actorOf } from '../actor.ts';
import { merchants } from './definition.ts';
import { MerchantUpdate, updateMerchant } from './service.ts';

export function mountMerchantRoutes(router: Router, ctx: AppContext): void {
  router.put('/:id', allow(...rolesFor('merchants', 'edit')), async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const changes = parseBody(MerchantUpdate, req.body);
    await ctx.db.transaction((trx) => updateMerchant(trx, id, changes, actorOf(ctx, req)));
    res.json(await fetchOne(ctx.db, merchants, id));
  });
}
