// /api/stats/*: chart and dashboard numbers, aggregated in SQL. Every signed-in role may read
// them: they summarise payments, payouts and disputes, which every role can list anyway.
import { Router, type Request, type Response } from 'express';
import { ALL_ROLES, allow } from '../auth/middleware.ts';
import type { AppContext } from '../context.ts';
import { utcDay } from '../../shared/days.ts';
import { feesByPeriod } from './fees.ts';
import { overview } from './overview.ts';
import { FeesQuery, OverviewQuery, parseQuery, PlanComparisonQuery, PlansQuery, resolveRange } from './params.ts';
import { comparePlans } from './planComparison.ts';
import { statsByPlan } from './plans.ts';

export function statsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(allow(...ALL_ROLES));

  router.get('/fees', async (req: Request, res: Response) => {
    const q = parseQuery(FeesQuery, req.query);
    const range = resolveRange(q, ctx.now());
    res.json(
      await feesByPeriod(ctx.db, {
        ...range, interval: q.interval, merchantId: q.merchant_id, planId: q.plan_id, currency: q.currency,
      }),
    );
  });

  router.get('/plans', async (req: Request, res: Response) => {
    const q = parseQuery(PlansQuery, req.query);
    res.json(await statsByPlan(ctx.db, { ...resolveRange(q, ctx.now()), currency: q.currency }));
  });

  router.get('/overview', async (req: Request, res: Response) => {
    parseQuery(OverviewQuery, req.query);
    res.json(await overview(ctx.db, ctx.now()));
  });

  router.get('/plan-comparison', async (req: Request, res: Response) => {
    const q = parseQuery(PlanComparisonQuery, req.query);
    res.json(await comparePlans(ctx.db, q.merchant_id, q.days, utcDay(ctx.now())));
  });

  return router;
}
