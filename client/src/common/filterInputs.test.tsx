// @vitest-environment jsdom
// Filters a user can get wrong say so under the field, and the list is not asked for them: a
// negative amount, an inverted amount range, a card "last 4" that is not four digits.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { FilterForm, ListBase } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { amountRangeFilters, cardLast4Filter } from './filterInputs.tsx';

const SHOWN = encodeURIComponent(JSON.stringify({ amount_gte: true, amount_lte: true, card_last4: true }));

function setup(filters = [...amountRangeFilters(), cardLast4Filter()]) {
  const getList = vi.fn(async (_resource: string, _params: { filter: Record<string, unknown> }) => ({ data: [], total: 0 }));
  renderInAdmin(
    <ListBase resource="payments"><FilterForm filters={filters} /></ListBase>,
    { dataProvider: { getList }, path: `/payments?displayedFilters=${SHOWN}` },
  );
  const askedFor = () => getList.mock.calls.map((c) => c[1].filter);
  return { getList, askedFor };
}

const typeInto = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('filter inputs', () => {
  it('say a negative amount is not allowed, and do not filter by it', async () => {
    const { askedFor } = setup();
    typeInto('Amount from', '5');
    await waitFor(() => expect(askedFor()).toContainEqual({ amount_gte: 500 })); // a valid amount is applied…
    typeInto('Amount from', '-5');
    expect(await screen.findByText('Must not be negative')).toBeTruthy();
    // …and, a debounce later (the form's is 500 ms), the negative one is not: the list keeps 5.
    await new Promise((r) => setTimeout(r, 800));
    expect(askedFor().some((f) => Number(f.amount_gte) < 0)).toBe(false);
    expect(askedFor().at(-1)).toEqual({ amount_gte: 500 });
  });

  it('say when "from" is above "to", and the error goes when either end is fixed', async () => {
    const { askedFor } = setup();
    typeInto('Amount to', '20');
    await waitFor(() => expect(askedFor()).toContainEqual({ amount_lte: 2000 }));
    typeInto('Amount from', '50');
    expect(await screen.findByText('“From” is above “to”')).toBeTruthy();
    typeInto('Amount to', '80');
    await waitFor(() => expect(screen.queryByText('“From” is above “to”')).toBeNull());
    await waitFor(() => expect(askedFor()).toContainEqual({ amount_gte: 5000, amount_lte: 8000 }));
    expect(askedFor()).not.toContainEqual(expect.objectContaining({ amount_gte: 5000, amount_lte: 2000 }));
  });

  it('want four digits for a card\'s last 4', async () => {
    const { askedFor } = setup();
    typeInto('Card last 4', '42');
    expect(await screen.findByText('The last 4 digits: 4 numbers')).toBeTruthy();
    typeInto('Card last 4', '0424');
    await waitFor(() => expect(askedFor()).toContainEqual({ card_last4: '0424' }));
  });

  it('let ledger amounts be negative', async () => {
    const { askedFor } = setup(amountRangeFilters('amount', { signed: true }));
    typeInto('Amount from', '-5');
    await waitFor(() => expect(askedFor()).toContainEqual({ amount_gte: -500 }));
    expect(screen.queryByText('Must not be negative')).toBeNull();
  });
});
