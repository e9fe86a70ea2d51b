// @vitest-environment jsdom
// The list pagination says "more than 10,000" when the server capped the count, keeps the plain
// total when it is exact, and still offers the next page at the cap.
import { fireEvent, screen } from '@testing-library/react';
import { ListContextProvider, type ListControllerResult } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { ListPagination } from './ListPagination.tsx';

const text = (el: HTMLElement) => el.textContent!.replace(/\u00a0|\u202f/g, ' ');

function renderList(page: number, total: number, meta: object, locale = 'en') {
  const setPage = vi.fn();
  const value = {
    resource: 'payments', data: [], page, perPage: 25, total, meta, isPending: false, isLoading: false, isFetching: false,
    hasNextPage: page * 25 < total, hasPreviousPage: page > 1, setPage, setPerPage: vi.fn(), sort: { field: 'id', order: 'ASC' },
    filterValues: {}, displayedFilters: {}, selectedIds: [],
  } as unknown as ListControllerResult;
  renderInAdmin(<ListContextProvider value={value}><ListPagination rowsPerPageOptions={[]} /></ListContextProvider>, { locale });
  return setPage;
}

const rangeLabel = () => text(screen.getByText(/\d+\s*[–-]\s*\d+/));

describe('ListPagination', () => {
  it('reads "more than" a capped total, in the user\'s language', () => {
    renderList(1, 10_001, { totalExact: false, totalMoreThan: 10_000 });
    expect(rangeLabel()).toBe('1–25 of more than 10,000');
  });

  it('translates the capped label', () => {
    renderList(1, 10_001, { totalExact: false, totalMoreThan: 10_000 }, 'pt');
    expect(rangeLabel()).toBe('1–25 de mais de 10.000');
  });

  it('shows an exact total with an en dash and grouped digits', () => {
    renderList(1, 10_000, { totalExact: true });
    expect(rangeLabel()).toBe('1–25 of 10,000');
  });

  it('writes an exact total as Spanish does (no separator under 10,000)', () => {
    renderList(3, 2_070, {}, 'es');
    expect(rangeLabel()).toBe('51–75 de 2070');
  });

  it('groups an exact total as Portuguese does', () => {
    renderList(1, 2_070, {}, 'pt');
    expect(rangeLabel()).toBe('1–25 de 2.070');
  });

  it('pages past the cap: the next page stays open on the last counted page', () => {
    const setPage = renderList(400, 10_001, { totalExact: false, totalMoreThan: 10_000 });
    expect(rangeLabel()).toBe('9,976–10,000 of more than 10,000');
    const next = screen.getByRole('button', { name: /next page/i });
    expect((next as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(next);
    expect(setPage).toHaveBeenCalledWith(401);
  });
});
