// Serves a resource definition over the ra-data-simple-rest protocol: GET /R (getList,
// getMany, getManyReference) and GET /R/:id (getOne).
import type { Request, Response, Router } from 'express';
import type { AppContext } from '../context.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { oneWithComputed, withComputed } from '../list/computed.ts';
import { facetCounts, parseFacets } from '../list/facets.ts';
import { fetchOne, fetchPage } from '../list/listQuery.ts';
import { parseListQuery } from '../list/parseListQuery.ts';
import { notFound } from '../errors.ts';

export function contentRange(resource: string, start: number, count: number, total: number): string {
  return count === 0 ? `${resource} */${total}` : `${resource} ${start}-${start + count - 1}/${total}`;
}

/** An id as quoted back in a 404: cut short, so a 3 kB "id" does not come back whole. */
const quote = (id: string) => (id.length > 60 ? `${id.slice(0, 60)}…` : id);

export function mountList(router: Router, ctx: AppContext, def: ResourceDefinition): void {
  router.get('/', async (req: Request, res: Response) => {
    const { facets: rawFacets, ...listParams } = req.query as Record<string, unknown>;
    const facets = parseFacets(def, rawFacets);
    const query = parseListQuery(def, listParams, req.get('Range'));
    const page = await fetchPage(ctx.db, def, query);
    // The counts beside the sidebar's values, with the page rather than one request per value.
    if (facets.length > 0) res.set('X-Facet-Counts', JSON.stringify(await facetCounts(ctx.db, def, query, facets)));
    res.set('Content-Range', contentRange(def.name, query.range.start, page.records.length, page.total));
    res.set('X-Total-Count', String(page.total));
    // false: more rows match than the total says (see EXACT_TOTAL_LIMIT); the SPA shows
    // "more than 10,000" rather than a number it does not have.
    res.set('X-Total-Count-Exact', String(page.exact));
    res.set('Access-Control-Expose-Headers', 'Content-Range, X-Total-Count, X-Total-Count-Exact, X-Facet-Counts');
    res.json(await withComputed(ctx.db, def, ctx.config, page.records));
  });

  router.get('/:id', async (req: Request, res: Response) => {
    const record = await oneWithComputed(ctx.db, def, ctx.config, await fetchOne(ctx.db, def, String(req.params.id)));
    if (!record) throw notFound(`No ${def.name} record with id "${quote(String(req.params.id))}"`);
    res.json(record);
  });
}
