// POST /api/outbox/:id/retry — admins send a failed delivery again (docs/processor.md, "Actions
// out"); answers the item as it stands, pending and due now. Idempotency-Key honoured.
import type { Router } from 'express';
import { rolesFor } from '../../../shared/permissions.ts';
import { allow } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { action } from '../../idempotency/action.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { actorOf } from '../actor.ts';
import { outbox } from './definition.ts';
import { retryOutboxItem } from './retry.ts';

export function mountOutboxRoutes(router: Router, ctx: AppContext): void {
  router.post('/:id/retry', allow(...rolesFor('outbox', 'retry')), action(ctx, async (trx, req) => {
    const id = String(req.params.id);
    await retryOutboxItem(trx, id, actorOf(ctx, req));
    return { status: 200, body: await fetchOne(trx, outbox, id) };
  }));
}
