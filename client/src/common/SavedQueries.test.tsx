// @vitest-environment jsdom
// The sidebar's saved queries come from the server: the user's own (which they share, unshare or
// remove) and the team's (which say who shared them and offer no such buttons); a click brings the
// query back; "Save current query" saves the current filter, shared when asked.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ListBase } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import type { SavedQuery } from '../../../shared/api/savedQueries.ts';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { SavedQueries } from './SavedQueries.tsx';

const query = (over: Partial<SavedQuery>): SavedQuery => ({
  id: 'sq_1', resource: 'payments', name: 'Mine', params: { filter: { status: 'failed' } }, shared: false,
  owner_id: 'usr_me', owner_name: 'Me', mine: true, created_at: '2026-11-30T00:00:00.000Z', updated_at: '2026-11-30T00:00:00.000Z', ...over,
});

function setup(saved: SavedQuery[], path = '/payments') {
  const provider = {
    getList: vi.fn(async () => ({ data: [], total: 0 })),
    savedQueries: vi.fn(async () => saved),
    saveQuery: vi.fn(async (body: object) => ({ ...query({}), ...body })),
    updateSavedQuery: vi.fn(async () => query({})),
    deleteSavedQuery: vi.fn(async () => undefined),
  };
  let search = '';
  renderInAdmin(<ListBase resource="payments"><SavedQueries /></ListBase>, { dataProvider: provider, path, onLocation: (_p, s) => (search = s) });
  return { provider, search: () => new URLSearchParams(search) };
}

describe('saved queries', () => {
  it('offers share and remove on the user\'s own queries only, and names who shared the others', async () => {
    const { provider } = setup([
      query({ id: 'sq_1', name: 'Failed', shared: false }),
      query({ id: 'sq_2', name: 'Team refunds', shared: true, mine: false, owner_name: 'Olivia Operator' }),
    ]);
    expect(await screen.findByText('Team refunds')).toBeTruthy();
    expect(screen.getByText('Shared by Olivia Operator')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /: Team refunds|"Team refunds"/ })).toBeNull(); // no share or remove
    expect(screen.getByRole('button', { name: /: Failed/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Share with the team: Failed' }));
    await waitFor(() => expect(provider.updateSavedQuery).toHaveBeenCalledWith('sq_1', { shared: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove query "Failed"' }));
    await waitFor(() => expect(provider.deleteSavedQuery).toHaveBeenCalledWith('sq_1'));
  });

  it('brings a query back on click: its filter, sort and page size', async () => {
    const { search } = setup([query({ name: 'Big', params: { filter: { amount_gte: 5000 }, sort: 'amount', order: 'DESC', perPage: 50 } })]);
    fireEvent.click(await screen.findByText('Big'));
    await waitFor(() => expect(JSON.parse(search().get('filter') ?? '{}')).toEqual({ amount_gte: 5000 }));
    expect(search().get('sort')).toBe('amount');
    expect(search().get('order')).toBe('DESC');
    expect(search().get('perPage')).toBe('50');
  });

  it('saves the current query under a name, shared with the team when asked', async () => {
    const filter = encodeURIComponent(JSON.stringify({ status: 'captured' }));
    const { provider } = setup([], `/payments?filter=${filter}`);
    fireEvent.click(await screen.findByRole('button', { name: /Save current query/ }));
    fireEvent.change(screen.getByLabelText('Query name'), { target: { value: 'Captured' } });
    fireEvent.click(screen.getByLabelText(/Share with the team/));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(provider.saveQuery).toHaveBeenCalledWith(expect.objectContaining({
      resource: 'payments', name: 'Captured', shared: true, params: expect.objectContaining({ filter: { status: 'captured' } }),
    })));
    await waitFor(() => expect(provider.savedQueries).toHaveBeenCalledTimes(2)); // the menu is read again
  });
});
