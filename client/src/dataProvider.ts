// ra-data-simple-rest on /api (the list protocol of docs/api.md), plus the calls the API adds
// beyond it. Other features extend this object with their own methods (actions, notes, ...).
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider, type GetListResult } from 'react-admin';
import { withStepUp } from './account/stepUp.ts';
import type { SavedQuery, SavedQueryParams } from '../../shared/api/savedQueries.ts';
import type { SearchResponse } from '../../shared/api/search.ts';
import { actionMethods } from './actionMethods.ts';
import type { ExportFormat } from '../../shared/exportFormats.ts';
import { statsMethods } from './stats/statsApi.ts';

/** Every call of the data provider; a write the server wants a step-up for is asked for and repeated once. */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  withStepUp(() => fetchUtils.fetchJson(url, { ...options, credentials: 'same-origin' }));

const base = simpleRestProvider('/api', httpClient);

/** What a list response's `meta` says about its total (useListContext().meta). */
export interface TotalMeta {
  /** False when the server capped the count: more rows match than it counted. */
  totalExact: boolean;
  /** With totalExact false: the cap, so the list reads "more than 10,000". */
  totalMoreThan?: number;
  /** Asked with `meta: { facets }`: per field, per value, the records matching it with the other filters. */
  facetCounts?: FacetCounts;
}

/**
 * Runs one ra-data-simple-rest list call (so the URL, the Range header and the total parsing
 * stay exactly its own) and reads X-Total-Count-Exact from the same response. A capped total
 * becomes cap + 1 — rows known to exist, a true lower bound — so the pagination always offers
 * the next page; the server counts further as the pages go deeper, and the total grows.
 */
async function withTotalExact(call: (provider: DataProvider) => Promise<GetListResult>, facets?: readonly string[]): Promise<GetListResult> {
  let exact = true;
  let facetCounts: FacetCounts | undefined;
  const provider = simpleRestProvider('/api', async (url, options) => {
    const asked = facets?.length ? `${url}${url.includes('?') ? '&' : '?'}facets=${facets.join(',')}` : url;
    const response = await httpClient(asked, options);
    exact = response.headers.get('X-Total-Count-Exact') !== 'false';
    const counted = response.headers.get('X-Facet-Counts');
    if (counted) facetCounts = JSON.parse(counted) as FacetCounts;
    return response;
  });
  const result = await call(provider);
  const meta = { ...result.meta, ...(facetCounts ? { facetCounts } : {}) };
  if (exact || result.total === undefined) return { ...result, meta: { ...meta, totalExact: true } satisfies TotalMeta };
  return { ...result, total: result.total + 1, meta: { ...meta, totalExact: false, totalMoreThan: result.total } satisfies TotalMeta };
}

/**
 * The counts beside a filter sidebar's values (docs/api.md, "Facet counts"): asked with the list
 * page (`meta: { facets: ['status'] }` in the list's query options) and answered in its
 * X-Facet-Counts header, so a sidebar with counts costs no request of its own.
 */
export type FacetCounts = Record<string, Record<string, { total: number; exact: boolean }>>;

export const dataProvider = {
  ...base,
  getList: (resource, params) => withTotalExact((p) => p.getList(resource, params), params.meta?.facets as string[] | undefined),
  getManyReference: (resource, params) => withTotalExact((p) => p.getManyReference(resource, params)),
  /** GET /api/search: records by id, reference, email, card, auth code, number or name, grouped by resource. */
  async search(q: string): Promise<SearchResponse> {
    const { json } = await httpClient(`/api/search?q=${encodeURIComponent(q)}`);
    return json as SearchResponse;
  },
  /** GET/POST/PUT/DELETE /api/saved-queries: a list's saved queries, the user's own and the team's shared ones. */
  async savedQueries(resource: string): Promise<SavedQuery[]> {
    const { json } = await httpClient(`/api/saved-queries?resource=${encodeURIComponent(resource)}`);
    return json as SavedQuery[];
  },
  async saveQuery(body: { resource: string; name: string; params: SavedQueryParams; shared: boolean }): Promise<SavedQuery> {
    const { json } = await httpClient('/api/saved-queries', { method: 'POST', body: JSON.stringify(body) });
    return json as SavedQuery;
  },
  async updateSavedQuery(id: string, body: { name?: string; shared?: boolean }): Promise<SavedQuery> {
    const { json } = await httpClient(`/api/saved-queries/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify(body) });
    return json as SavedQuery;
  },
  async deleteSavedQuery(id: string): Promise<void> {
    await httpClient(`/api/saved-queries/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },
  /** Refunds, payout decisions, dispute work, notes and evidence (docs/api.md, "Actions"). */
  ...actionMethods,
  /** GET /api/stats/*, /api/reports/reconciliation (docs/stats-api.md). */
  ...statsMethods,
} satisfies DataProvider;

export type KboDataProvider = typeof dataProvider;

/** The export endpoint (docs/stats-api.md) for a list's current filter and sort. */
export function exportUrl(resource: string, format: ExportFormat, filter: object, sort?: { field: string; order: string }) {
  const params = new URLSearchParams({ format, filter: JSON.stringify(filter) });
  if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
  return `/api/${resource}/export?${params}`;
}
