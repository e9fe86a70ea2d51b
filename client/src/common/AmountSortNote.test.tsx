// @vitest-environment jsdom
// Sorting by amount across currencies says what it does (minor units, no exchange rate), and
// says nothing once the list shows one currency or is sorted by something else.
import { screen } from '@testing-library/react';
import { ListContextProvider, type ListControllerResult } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { AmountSortNote } from './AmountSortNote.tsx';

function show(field: string, filterValues: Record<string, unknown>, locale = 'en') {
  // The two fields AmountSortNote reads of the list's context.
  const value = { sort: { field, order: 'DESC' }, filterValues } as ListControllerResult;
  return renderInAdmin(<ListContextProvider value={value}><AmountSortNote /><span>rows</span></ListContextProvider>, { locale });
}

describe('sorting by amount', () => {
  it('says it sorts minor units with no exchange rate, across currencies', async () => {
    show('amount', {});
    expect((await screen.findByTestId('amount-sort-note')).textContent).toMatch(/no exchange rate: ¥500 sorts with \$5\.00/);
  });

  it('in the user\'s language', async () => {
    show('net_amount', { status: 'paid' }, 'pt');
    expect((await screen.findByTestId('amount-sort-note')).textContent).toMatch(/sem câmbio/);
  });

  it('says nothing for one currency or another sort', async () => {
    show('amount', { currency: 'JPY' });
    show('created_at', {});
    await screen.findAllByText('rows');
    expect(screen.queryByTestId('amount-sort-note')).toBeNull();
  });
});
