// GET /api/search?q= — for every signed-in role; each role only finds what it may read.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { SEARCH_MAX_LENGTH } from '../../shared/api/search.ts';
import { currentUser } from '../auth/middleware.ts';
import type { AppContext } from '../context.ts';
import { parseQuery } from '../stats/params.ts';
import { searchRecords } from './search.ts';

export const SearchQuery = z.strictObject({
  q: z.string({ error: '"q" is required, once: the text to search for' })
    .max(SEARCH_MAX_LENGTH, `"q" must be at most ${SEARCH_MAX_LENGTH} characters`),
});

export function searchRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (req: Request, res: Response) => {
    const { q } = parseQuery(SearchQuery, req.query);
    res.json(await searchRecords(ctx.db, currentUser(req).role, q));
  });
  return router;
}
