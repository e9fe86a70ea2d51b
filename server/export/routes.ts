// GET /api/<resource>/export?format=csv|json&filter=&sort= — the whole filtered list, in the
// list's order, streamed with no row cap. Filters and sort are the list's own (parseListQuery),
// so an export holds exactly the rows the list counts. Mounted on each resource's router before
// GET /:id, behind the same read roles.
import type { Request, Response, Router } from 'express';
import type { AppContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { parseListQuery } from '../list/parseListQuery.ts';
import { utcDay } from '../../shared/days.ts';
import { listBatches } from './batches.ts';
import { csvChunks, jsonChunks } from './csv.ts';
import { streamDownload } from './download.ts';

const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

function parseFormat(raw: unknown): Format {
  if (raw === undefined) return 'csv';
  if (typeof raw !== 'string' || !(FORMATS as readonly string[]).includes(raw)) {
    throw badRequest('"format" must be csv or json', { format: 'csv or json' });
  }
  return raw as Format;
}

export function mountExport(router: Router, ctx: AppContext, def: ResourceDefinition): void {
  router.get('/export', async (req: Request, res: Response) => {
    const { format: rawFormat, range, ...listParams } = req.query as Record<string, unknown>;
    if (range !== undefined) throw badRequest('An export is the whole list: drop "range"', { range: 'not paged' });
    const format = parseFormat(rawFormat);
    const query = parseListQuery(def, listParams); // sort, filter; anything else is a 400
    const batches = listBatches(ctx.db, def, query);
    await streamDownload(
      req,
      res,
      { filename: `${def.name}-${utcDay(ctx.now())}.${format}`, format },
      format === 'csv' ? csvChunks(def.columns, batches) : jsonChunks(batches),
    );
  });
}
