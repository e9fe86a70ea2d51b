// GET /api/reports/reconciliation?from=&to=&merchant_id=&currency=&format=json|csv|xlsx — the
// per-day reconciliation (see reconciliation.ts) as a download. Every signed-in role may read it:
// it summarises the ledger, which every role can list.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ALL_ROLES, allow } from '../auth/middleware.ts';
import type { AppContext } from '../context.ts';
import { csvChunks, jsonChunks } from '../export/csv.ts';
import { attachmentHeaders, streamDownload } from '../export/download.ts';
import { currency, id, parseQuery, rangeFields, resolveRange } from '../stats/params.ts';
import { RECONCILIATION_COLUMNS, reconciliationBatches } from './reconciliation.ts';
import { writeReconciliationXlsx } from './xlsx.ts';

export const ReconciliationQuery = z.strictObject({
  ...rangeFields,
  merchant_id: id.optional(),
  currency: currency.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

export function reportRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(allow(...ALL_ROLES));

  router.get('/reconciliation', async (req: Request, res: Response) => {
    const q = parseQuery(ReconciliationQuery, req.query);
    const range = resolveRange(q, ctx.now());
    const batches = reconciliationBatches(ctx.db, { ...range, merchantId: q.merchant_id, currency: q.currency });
    const filename = `reconciliation-${range.from}_${range.to}.${q.format}`;
    if (q.format === 'xlsx') {
      attachmentHeaders(res, filename, 'xlsx');
      try {
        await writeReconciliationXlsx(res, batches);
      } catch (err) {
        req.log?.error({ err }, 'xlsx report failed');
        res.destroy(err instanceof Error ? err : new Error(String(err)));
      }
      return;
    }
    await streamDownload(
      req,
      res,
      { filename, format: q.format },
      q.format === 'csv' ? csvChunks(RECONCILIATION_COLUMNS, batches) : jsonChunks(batches),
    );
  });

  return router;
}
