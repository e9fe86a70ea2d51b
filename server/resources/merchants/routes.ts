// PUT /api/merchants/:id — admins change a merchant's status and plan; nothing else is writable.
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { MERCHANT_STATUSES } from '../../../shared/enums.ts';
import { writeAudit } from '../../audit/audit.ts';
import { allow, currentUser } from '../../auth/middleware.ts';
import { isoNow, type AppContext } from '../../context.ts';
import { badRequest, notFound } from '../../errors.ts';
import { parseBody } from '../../http/validate.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { merchants } from './definition.ts';

const MerchantUpdate = z.object({
  status: z.enum(MERCHANT_STATUSES).optional(),
  plan_id: z.string().min(1).max(40).optional(),
});

export function mountMerchantRoutes(router: Router, ctx: AppContext): void {
  router.put('/:id', allow('admin'), async (req: Request, res: Response) => {
    const user = currentUser(req);
    const id = String(req.params.id);
    const changes = parseBody(MerchantUpdate, req.body);
    await ctx.db.transaction(async (trx) => {
      const before = await trx('merchants').where({ id }).first('status', 'plan_id');
      if (!before) throw notFound(`No merchants record with id "${id}"`);
      if (changes.plan_id && !(await trx('plans').where('id', changes.plan_id).first('id'))) {
        throw badRequest(`Unknown plan "${changes.plan_id}"`, { plan_id: 'unknown plan' });
      }
      const diff = Object.fromEntries(
        Object.entries(changes).filter(([k, v]) => v !== undefined && before[k] !== v),
      );
      if (Object.keys(diff).length === 0) return;
      const at = isoNow(ctx);
      await trx('merchants').where({ id }).update({ ...diff, updated_at: at });
      await writeAudit(trx, {
        actorId: user.id, action: 'merchant.updated', entity: 'merchants', entityId: id,
        detail: { from: Object.fromEntries(Object.keys(diff).map((k) => [k, before[k]])), to: diff }, ip: req.ip, at,
      });
    });
    res.json(await fetchOne(ctx.db, merchants, id));
  });
}
