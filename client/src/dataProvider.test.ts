// getList and getManyReference send exactly what ra-data-simple-rest sends, and carry the
// server's X-Total-Count-Exact: a capped total becomes a lower bound the pagination can page past.
import simpleRestProvider from 'ra-data-simple-rest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataProvider, httpClient } from './dataProvider.ts';

const rows = [{ id: 'py_1' }, { id: 'py_2' }];

function answer(total: number, exact: boolean | null) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Range': `payments 0-1/${total}`, 'X-Total-Count': String(total) };
    if (exact !== null) headers['X-Total-Count-Exact'] = String(exact);
    return new Response(JSON.stringify(rows), { status: 200, headers });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** URL and Range header of each fetch call. */
const sent = (fetch: ReturnType<typeof answer>) =>
  fetch.mock.calls.map(([url, init]) => [String(url), new Headers(init?.headers).get('Range')]);

const listParams = { pagination: { page: 3, perPage: 25 }, sort: { field: 'created_at', order: 'DESC' as const }, filter: { status: 'succeeded', q: 'a b' } };

afterEach(() => vi.unstubAllGlobals());

describe('list totals', () => {
  it('sends the very request ra-data-simple-rest sends', async () => {
    const fetch = answer(42, true);
    await dataProvider.getList('payments', listParams);
    await simpleRestProvider('/api', httpClient).getList('payments', listParams);
    await dataProvider.getManyReference('refunds', { ...listParams, target: 'payment_id', id: 'py_1' });
    await simpleRestProvider('/api', httpClient).getManyReference('refunds', { ...listParams, target: 'payment_id', id: 'py_1' });
    const [mine, theirs, mineRef, theirsRef] = sent(fetch);
    expect(mine).toEqual(theirs);
    expect(mineRef).toEqual(theirsRef);
    expect(mine[1]).toBe('payments=50-74');
    expect(mineRef[0]).toContain('payment_id');
  });

  it('passes an exact total through and says it is exact', async () => {
    answer(42, true);
    expect(await dataProvider.getList('payments', listParams)).toEqual({ data: rows, total: 42, meta: { totalExact: true } });
    answer(42, null); // an older server without the header: its total is taken as exact
    expect((await dataProvider.getList('payments', listParams)).meta).toEqual({ totalExact: true });
  });

  it('turns a capped total into a lower bound, for lists and references alike', async () => {
    answer(10_000, false);
    const list = await dataProvider.getList('payments', listParams);
    expect(list.total).toBe(10_001);
    expect(list.meta).toEqual({ totalExact: false, totalMoreThan: 10_000 });
    answer(10_050, false);
    const refs = await dataProvider.getManyReference('refunds', { ...listParams, target: 'payment_id', id: 'py_1' });
    expect(refs).toMatchObject({ data: rows, total: 10_051, meta: { totalExact: false, totalMoreThan: 10_050 } });
  });
});
