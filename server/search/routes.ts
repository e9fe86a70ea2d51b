// GET /api/search?q= — for every signed-in role; each role only finds what it may read.
import { Router, type Request, type Response } from 'express';
import { currentUser } from '../auth/middleware.ts';
import type { AppContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { MAX_QUERY_LENGTH, searchRecords } from './search.ts';

export function searchRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (req: Request, res: Response) => {
    for (const key of Object.keys(req.query)) {
      if (key !== 'q') throw badRequest(`Unknown query parameter "${key}"`);
    }
    const q = req.query.q;
    if (typeof q !== 'string') throw badRequest('"q" is required, once: the text to search for', { q: 'required' });
    if (q.length > MAX_QUERY_LENGTH) {
      throw badRequest(`"q" must be at most ${MAX_QUERY_LENGTH} characters`, { q: 'too long' });
    }
    res.json(await searchRecords(ctx.db, currentUser(req).role, q));
  });
  return router;
}
