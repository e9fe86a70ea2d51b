// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../dataProvider.ts';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { SearchBox } from './SearchBox.tsx';

const PAYMENT = 'py_01KSJ6VX6SGV9SRWTBAD061796';

function setup(answer: (q: string) => SearchHit[]) {
  const search = vi.fn(async (q: string) => answer(q));
  let path = '/';
  renderInAdmin(<SearchBox />, { dataProvider: { search }, onLocation: (p) => (path = p) });
  const input = screen.getByRole('combobox', { name: 'Search' });
  return { search, input, path: () => path };
}

describe('the app-bar search', () => {
  it('jumps straight to the record when Enter is pressed on an exact id', async () => {
    const { search, input, path } = setup((q) => (q === PAYMENT ? [{ resource: 'payments', id: PAYMENT, label: '$10.50' }] : []));
    fireEvent.change(input, { target: { value: PAYMENT } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(path()).toBe(`/payments/${PAYMENT}/show`));
    expect(search).toHaveBeenCalledWith(PAYMENT);
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('lists several hits as the user types, and the arrow keys pick one', async () => {
    const hits: SearchHit[] = [
      { resource: 'payments', id: 'py_A', label: 'Visa •••• 4242', status: 'captured' },
      { resource: 'refunds', id: 're_B', label: '$5.00 · duplicate', status: 'succeeded' },
    ];
    const { input, path } = setup(() => hits);
    fireEvent.change(input, { target: { value: '4242' } });
    expect(await screen.findByText('Visa •••• 4242')).toBeTruthy();
    expect(screen.getByText('Refund')).toBeTruthy(); // the resource's name, singular
    expect(screen.getByText('Captured')).toBeTruthy(); // status chip
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(path()).toBe('/refunds/re_B/show'));
  });

  it('opens a hit on click', async () => {
    const { input, path } = setup(() => [
      { resource: 'merchants', id: 'mer_A', label: 'Blue Harbor' },
      { resource: 'merchants', id: 'mer_B', label: 'Blue Market' },
    ]);
    fireEvent.change(input, { target: { value: 'blue' } });
    fireEvent.click(await screen.findByText('Blue Market'));
    await waitFor(() => expect(path()).toBe('/merchants/mer_B/show'));
  });

  it('says so when nothing matches, and does not search for a single character', async () => {
    const { search, input } = setup(() => []);
    fireEvent.change(input, { target: { value: 'x' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await new Promise((r) => setTimeout(r, 350));
    expect(search).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'nothing-here' } });
    expect((await screen.findByTestId('search-no-results')).textContent).toContain('nothing-here');
  });
});
