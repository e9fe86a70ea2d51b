// POST /api/refunds — operators and admins; Idempotency-Key required.
import type { Router } from 'express';
import { rolesFor } from '../../../shared/permissions.ts';
import { allow } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { parseBody } from '../../http/validate.ts';
import { action } from '../../idempotency/action.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { actorOf } from '../actor.ts';
import { refunds } from './definition.ts';
import { createRefund, RefundCreate } from './service.ts';

export function mountRefundRoutes(router: Router, ctx: AppContext): void {
  router.post('/', allow(...rolesFor('refunds', 'create')), action(ctx, async (trx, req) => {
    const id = await createRefund(trx, parseBody(RefundCreate, req.body), actorOf(ctx, req));
    return { status: 201, body: await fetchOne(trx, refunds, id) };
  }, { requireKey: true }));
}
