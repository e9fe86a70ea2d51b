// @vitest-environment jsdom
// "N new — show": a list that was loaded says when records matching its filters arrive, shows
// them on request, and counts again from there; the dashboard says it for payments.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DataTable, List, type DataProvider, type GetListParams } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { LiveActivity } from '../dashboard/LiveActivity.tsx';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { NewRecordsPrompt } from './NewRecordsPrompt.tsx';

interface Row { id: string; created_at: string; status: string }

/** A fake API over an array, applying the filters the prompt sends (status, created_at_gt). */
function fakeApi(rows: Row[]) {
  const calls: GetListParams[] = [];
  const getList = async (_resource: string, params: GetListParams) => {
    calls.push(params);
    const f = params.filter ?? {};
    const matching = rows
      .filter((r) => (f.status ? r.status === f.status : true) && (f.created_at_gt ? r.created_at > f.created_at_gt : true))
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    const { page, perPage } = params.pagination!;
    return { data: matching.slice((page - 1) * perPage, page * perPage), total: matching.length };
  };
  return { rows, calls, dataProvider: { getList: getList as DataProvider['getList'], getMany: (async () => ({ data: [] })) as DataProvider['getMany'] } };
}

let n = 0;
const row = (status = 'captured'): Row => {
  n += 1;
  return { id: `py_${String(n).padStart(4, '0')}`, created_at: new Date(Date.UTC(2026, 10, 30, 10, 0, n)).toISOString(), status };
};

function PaymentsList({ filter }: { filter?: Record<string, unknown> }) {
  return (
    <List resource="payments" filter={filter} sort={{ field: 'created_at', order: 'DESC' }} perPage={25} disableSyncWithLocation>
      <NewRecordsPrompt filter={filter} intervalMs={40} />
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="id" />
      </DataTable>
    </List>
  );
}

const rowsShown = () => screen.queryAllByText(/^py_\d{4}$/).length;

describe('NewRecordsPrompt', () => {
  it('When payments arrive after the list loaded, then it offers them, shows them on request, and counts again from there', async () => {
    const api = fakeApi([row(), row(), row()]);
    renderInAdmin(<PaymentsList />, { dataProvider: api.dataProvider });
    await waitFor(() => expect(rowsShown()).toBe(3), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 150));
    expect(screen.queryByTestId('new-records')).toBeNull(); // nothing new yet

    api.rows.push(row(), row());
    const prompt = await screen.findByTestId('new-records', {}, { timeout: 3000 });
    expect(prompt.textContent).toContain('2 new payments');
    expect(rowsShown()).toBe(3); // the list itself did not jump

    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(rowsShown()).toBe(5), { timeout: 5000 });
    await waitFor(() => expect(screen.queryByTestId('new-records')).toBeNull());

    api.rows.push(row());
    expect((await screen.findByTestId('new-records', {}, { timeout: 3000 })).textContent).toContain('1 new payment');
    // Each poll is one list call for one row, newest first, above the baseline.
    const poll = api.calls.at(-1)!;
    expect(poll).toMatchObject({ pagination: { page: 1, perPage: 1 }, sort: { field: 'created_at', order: 'DESC' } });
    expect(poll.filter.created_at_gt).toBe(api.rows[4].created_at);
  });

  it('When new payments do not match the list\'s filter, then it says nothing', async () => {
    const api = fakeApi([row('failed'), row('captured')]);
    renderInAdmin(<PaymentsList filter={{ status: 'failed' }} />, { dataProvider: api.dataProvider });
    await waitFor(() => expect(rowsShown()).toBe(1), { timeout: 5000 });
    api.rows.push(row('captured'), row('captured'));
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByTestId('new-records')).toBeNull();
    api.rows.push(row('failed'));
    expect((await screen.findByTestId('new-records', {}, { timeout: 3000 })).textContent).toContain('1 new payment');
  });

  it('speaks the user\'s language', async () => {
    const api = fakeApi([row()]);
    renderInAdmin(<PaymentsList />, { dataProvider: api.dataProvider, locale: 'es' });
    await waitFor(() => expect(rowsShown()).toBe(1), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 100));
    api.rows.push(row(), row(), row());
    expect((await screen.findByTestId('new-records', {}, { timeout: 3000 })).textContent).toContain('3 pagos nuevos');
    expect(screen.getByRole('button', { name: 'Mostrar' })).toBeTruthy();
  });
});

describe('LiveActivity on the dashboard', () => {
  it('When payments arrive, then it says how many and refreshing counts again', async () => {
    const api = fakeApi([row()]);
    renderInAdmin(<LiveActivity intervalMs={40} />, { dataProvider: api.dataProvider, locale: 'pt' });
    await new Promise((r) => setTimeout(r, 150));
    expect(screen.queryByTestId('live-activity')).toBeNull();
    api.rows.push(row());
    const banner = await screen.findByTestId('live-activity', {}, { timeout: 3000 });
    expect(banner.textContent).toContain('1 pagamento novo desde que esta página foi aberta');
    fireEvent.click(screen.getByRole('button', { name: 'Atualizar' }));
    await waitFor(() => expect(screen.queryByTestId('live-activity')).toBeNull());
  });
});
