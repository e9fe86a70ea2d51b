// POST /api/payouts/:id/approve and /decline — admins only; Idempotency-Key honoured.
import type { Router } from 'express';
import { rolesFor } from '../../../shared/permissions.ts';
import { allow } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { parseBody } from '../../http/validate.ts';
import { action } from '../../idempotency/action.ts';
import { oneWithComputed } from '../../list/computed.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { actorOf } from '../actor.ts';
import { payouts } from './definition.ts';
import { approvePayout, declinePayout, PayoutDecline } from './service.ts';

export function mountPayoutRoutes(router: Router, ctx: AppContext): void {
  router.post('/:id/approve', allow(...rolesFor('payouts', 'approve')), action(ctx, async (trx, req) => {
    const id = String(req.params.id);
    await approvePayout(trx, id, actorOf(ctx, req), { dualApprovalMinor: ctx.config.PAYOUT_DUAL_APPROVAL_MINOR });
    return { status: 200, body: await oneWithComputed(trx, payouts, ctx.config, await fetchOne(trx, payouts, id)) };
  }));

  router.post('/:id/decline', allow(...rolesFor('payouts', 'decline')), action(ctx, async (trx, req) => {
    const id = String(req.params.id);
    const { reason } = parseBody(PayoutDecline, req.body);
    await declinePayout(trx, id, reason, actorOf(ctx, req));
    return { status: 200, body: await oneWithComputed(trx, payouts, ctx.config, await fetchOne(trx, payouts, id)) };
  }));
}
