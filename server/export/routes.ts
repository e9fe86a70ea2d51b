// GET /api/<resource>/export?format=csv|json|xlsx&filter=&sort= — the whole filtered list, in the
// list's order, streamed with no row cap. CSV and JSON are the records as the API returns them
// (for machines); XLSX is for people (forPeople.ts: major units, merchant names, dates). Filters and sort are the list's own (parseListQuery),
// so an export holds exactly the rows the list counts. Mounted on each resource's router before
// GET /:id, behind the same read roles; limited and audited by auditedExport.
import type { Request, Response, Router } from 'express';
import type { AuditEntity } from '../../shared/auditActions.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/exportFormats.ts';
import type { AppContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { parseListQuery } from '../list/parseListQuery.ts';
import { utcDay } from '../../shared/days.ts';
import { auditedExport, countRows } from './auditedExport.ts';
import { listArrayBatches, listBatches } from './batches.ts';
import { csvArrayChunks, csvChunks, jsonChunks } from './csv.ts';
import { streamDownload } from './download.ts';
import { peopleColumns, withMerchantNames } from './forPeople.ts';
import { streamXlsx } from './xlsx.ts';

function parseFormat(raw: unknown): ExportFormat {
  if (raw === undefined) return 'csv';
  if (typeof raw !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(raw)) {
    throw badRequest('"format" must be csv, json or xlsx', { format: 'csv, json or xlsx' });
  }
  return raw as ExportFormat;
}

export function mountExport(router: Router, ctx: AppContext, def: ResourceDefinition): void {
  router.get('/export', async (req: Request, res: Response) => {
    const { format: rawFormat, range, ...listParams } = req.query as Record<string, unknown>;
    if (range !== undefined) throw badRequest('An export is the whole list: drop "range"', { range: 'not paged' });
    const format = parseFormat(rawFormat);
    const query = parseListQuery(def, listParams); // sort, filter; anything else is a 400
    const detail = {
      resource: def.name,
      format,
      filter: typeof listParams.filter === 'string' ? JSON.parse(listParams.filter) : {}, // valid: parsed above
      sort: [query.sort.field, query.sort.order],
    };
    await auditedExport(ctx, req, res, { entity: def.name as AuditEntity, detail }, (tally) => {
      const filename = `${def.name}-${utcDay(ctx.now())}.${format}`;
      if (format === 'csv' && !def.toRecord) {
        // The fast path (a list of a million rows): rows as arrays, no object per row.
        return streamDownload(req, res, { filename, format }, csvArrayChunks(def.columns, countRows(listArrayBatches(ctx.db, def, query), tally)));
      }
      const batches = countRows(listBatches(ctx.db, def, query), tally);
      if (format === 'xlsx') {
        const rows = def.columns.includes('merchant_id') ? withMerchantNames(ctx.db, batches) : batches;
        return streamXlsx(req, res, { filename, sheet: def.name, columns: peopleColumns(def) }, rows);
      }
      return streamDownload(req, res, { filename, format }, format === 'csv' ? csvChunks(def.columns, batches) : jsonChunks(batches));
    });
  });
}
