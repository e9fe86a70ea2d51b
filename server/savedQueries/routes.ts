// /api/saved-queries — every signed-in user's saved list queries, and the team's shared ones
// (service.ts says who may do what).
import { Router, type Request, type Response } from 'express';
import { currentUser } from '../auth/middleware.ts';
import type { AppContext } from '../context.ts';
import { parseBody } from '../http/validate.ts';
import { actorOf } from '../resources/actor.ts';
import { parseQuery } from '../stats/params.ts';
import {
  createSavedQuery, deleteSavedQuery, listSavedQueries, SavedQueryCreate, SavedQueryList, SavedQueryUpdate, updateSavedQuery,
} from './service.ts';

export function savedQueryRoutes(ctx: AppContext): Router {
  const router = Router();
  const id = (req: Request) => String(req.params.id);

  router.get('/', async (req: Request, res: Response) => {
    const { resource } = parseQuery(SavedQueryList, req.query);
    res.json(await listSavedQueries(ctx.db, currentUser(req), resource));
  });

  router.post('/', async (req: Request, res: Response) => {
    const body = parseBody(SavedQueryCreate, req.body);
    const saved = await ctx.db.transaction((trx) => createSavedQuery(trx, currentUser(req), body, actorOf(ctx, req)));
    res.status(201).json(saved);
  });

  router.put('/:id', async (req: Request, res: Response) => {
    const body = parseBody(SavedQueryUpdate, req.body);
    res.json(await ctx.db.transaction((trx) => updateSavedQuery(trx, currentUser(req), id(req), body, actorOf(ctx, req))));
  });

  router.delete('/:id', async (req: Request, res: Response) => {
    await ctx.db.transaction((trx) => deleteSavedQuery(trx, currentUser(req), id(req)));
    res.status(204).end();
  });

  return router;
}
