// POST /api/users creates a user, PUT /api/users/:id changes name, role and disabled — admins only
// (the users resource is read by admins alone, and its router checks that first), and every
// change to users with a fresh second-factor proof (step-up).
import type { Request, Response, Router } from 'express';
import { currentUser } from '../../auth/middleware.ts';
import { requireStepUpForWrites } from '../../auth/mfa/stepUp.ts';
import { isoNow, type AppContext } from '../../context.ts';
import { parseBody } from '../../http/validate.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { actorOf } from '../actor.ts';
import { users } from './definition.ts';
import { createUser, updateUser, UserCreate, UserUpdate } from './service.ts';

export function mountUserRoutes(router: Router, ctx: AppContext): void {
  // Any write under /api/users, also one added later; reads and exports pass.
  router.use(requireStepUpForWrites(ctx));

  router.post('/', async (req: Request, res: Response) => {
    const input = parseBody(UserCreate, req.body);
    const id = await createUser(ctx, input, { actorId: currentUser(req).id, ip: req.ip, at: isoNow(ctx) });
    res.status(201).json(await fetchOne(ctx.db, users, id));
  });

  router.put('/:id', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const changes = parseBody(UserUpdate, req.body);
    await ctx.db.transaction((trx) => updateUser(trx, id, changes, actorOf(ctx, req)));
    res.json(await fetchOne(ctx.db, users, id));
  });
}
