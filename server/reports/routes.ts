// GET /api/reports/reconciliation?from=&to=&merchant_id=&currency=&format=json|csv|xlsx — the
// per-day reconciliation (see reconciliation.ts) as a download; GET …/reconciliation/preview —
// what the Reports page shows (preview.ts), a plain read that is neither limited nor audited. Every signed-in role may read it:
// it summarises the ledger, which every role can list. A bulk export of customer data: limited
// and audited (server/export/auditedExport.ts), as the ledger's (`transactions`) export.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ALL_ROLES, allow } from '../auth/middleware.ts';
import type { AppContext } from '../context.ts';
import { auditedExport, countRows } from '../export/auditedExport.ts';
import { csvChunks, jsonChunks } from '../export/csv.ts';
import { streamDownload } from '../export/download.ts';
import { currency, id, parseQuery, rangeFields, resolveRange } from '../stats/params.ts';
import { reconciliationPreview } from './preview.ts';
import { RECONCILIATION_COLUMNS, reconciliationBatches } from './reconciliation.ts';
import { streamReconciliationXlsx } from './xlsx.ts';

export const ReconciliationQuery = z.strictObject({
  ...rangeFields,
  merchant_id: id.optional(),
  currency: currency.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

export const ReconciliationPreviewQuery = z.strictObject({
  ...rangeFields,
  merchant_id: id.optional(),
  currency: currency.optional(),
});

export function reportRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(allow(...ALL_ROLES));

  router.get('/reconciliation/preview', async (req: Request, res: Response) => {
    const q = parseQuery(ReconciliationPreviewQuery, req.query);
    const range = resolveRange(q, ctx.now());
    res.json(await reconciliationPreview(ctx.db, { ...range, merchantId: q.merchant_id, currency: q.currency }));
  });

  router.get('/reconciliation', async (req: Request, res: Response) => {
    const q = parseQuery(ReconciliationQuery, req.query);
    const range = resolveRange(q, ctx.now());
    const filter = { ...range, merchant_id: q.merchant_id, currency: q.currency };
    const detail = { report: 'reconciliation', format: q.format, filter: JSON.parse(JSON.stringify(filter)) };
    await auditedExport(ctx, req, res, { entity: 'transactions', detail }, (tally) => {
      const batches = countRows(reconciliationBatches(ctx.db, { ...range, merchantId: q.merchant_id, currency: q.currency }), tally);
      const filename = `reconciliation-${range.from}_${range.to}.${q.format}`;
      if (q.format === 'xlsx') return streamReconciliationXlsx(req, res, filename, batches);
      return streamDownload(
        req,
        res,
        { filename, format: q.format },
        q.format === 'csv' ? csvChunks(RECONCILIATION_COLUMNS, batches) : jsonChunks(batches),
      );
    });
  });

  return router;
}
