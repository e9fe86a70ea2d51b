// @vitest-environment jsdom
// The Export menu offers Excel first (for people: amounts in major units, merchant names), then
// CSV and JSON (for machines), each a link to the server export with the list's filter and sort,
// in the user's language.
import { fireEvent, screen } from '@testing-library/react';
import { ListContextProvider, type ListControllerResult } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { ExportMenu } from './ExportMenu.tsx';

function renderMenu(locale = 'en') {
  const value = {
    resource: 'payments', data: [], page: 1, perPage: 25, total: 3, isPending: false, isLoading: false, isFetching: false,
    setPage: vi.fn(), setPerPage: vi.fn(), sort: { field: 'amount', order: 'DESC' }, filterValues: { status: 'captured' },
    displayedFilters: {}, selectedIds: [],
  } as unknown as ListControllerResult;
  renderInAdmin(<ListContextProvider value={value}><ExportMenu /></ListContextProvider>, { locale });
  fireEvent.click(screen.getByRole('button', { name: /export|exportar/i }));
  return screen.getAllByRole('menuitem');
}

describe('ExportMenu', () => {
  it('offers XLSX, CSV and JSON, each for the current filter and sort', () => {
    const items = renderMenu();
    expect(items.map((i) => i.textContent)).toEqual([
      'Excel (XLSX) — readable amounts and merchant names', 'CSV — minor units, for machines', 'JSON — for machines',
    ]);
    for (const [item, format] of items.map((i, n) => [i, ['xlsx', 'csv', 'json'][n]] as const)) {
      const url = new URL(item.getAttribute('href')!, 'http://x.test');
      expect(url.pathname).toBe('/api/payments/export');
      expect(url.searchParams.get('format')).toBe(format);
      expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ status: 'captured' });
      expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['amount', 'DESC']);
    }
  });

  it.each([
    ['es', 'Excel (XLSX) — importes legibles y nombres de comercios'],
    ['pt', 'Excel (XLSX) — valores legíveis e nomes de comerciantes'],
  ])('is translated (%s)', (locale, xlsx) => {
    expect(renderMenu(locale)[0].textContent).toBe(xlsx);
  });
});
