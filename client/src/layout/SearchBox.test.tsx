// @vitest-environment jsdom
// The app-bar search as a user drives it: typing lists grouped hits with their counts, Enter on
// an exact id opens the record, "see all N" opens the filtered list, labels read in the user's
// language, and the debounce and minimum length hold (fake timers: no sleeping).
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchGroup, SearchHit, SearchResponse } from '../../../shared/api/search.ts';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { SEARCH_DEBOUNCE_MS, SearchBox } from './SearchBox.tsx';

const PAYMENT = 'py_01KSJ6VX6SGV9SRWTBAD061796';

const hit = (resource: string, id: string, record: Record<string, unknown>, status?: string): SearchHit =>
  ({ resource, id, record: { id, ...record }, ...(status ? { status } : {}) });
const group = (hits: SearchHit[], total = hits.length, exact = true): SearchGroup => ({ resource: hits[0].resource, total, exact, hits });
const response = (q: string, groups: SearchGroup[], exactId = false): SearchResponse => ({ q, exactId, groups });

function setup(answer: (q: string) => SearchResponse, locale?: string) {
  const search = vi.fn(async (q: string) => answer(q));
  let path = '/';
  let query = '';
  renderInAdmin(<SearchBox />, {
    dataProvider: { search }, locale, onLocation: (p, s) => { path = p; query = s; },
  });
  const input = screen.getByRole('combobox');
  return { search, input, path: () => path, query: () => new URLSearchParams(query) };
}

const type = (input: HTMLElement, value: string) => {
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the app-bar search', () => {
  it('jumps straight to the record when Enter is pressed on an exact id, before the debounce', async () => {
    const { search, input, path } = setup((q) => response(q, q === PAYMENT
      ? [group([hit('payments', PAYMENT, { amount: 1050, currency: 'USD' }, 'captured')])] : [], q === PAYMENT));
    type(input, PAYMENT);
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(path()).toBe(`/payments/${PAYMENT}/show`));
    expect(search).toHaveBeenCalledWith(PAYMENT);
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('lists hits under their resource with formatted labels, and the arrow keys pick one', async () => {
    const { input, path } = setup((q) => response(q, [
      group([hit('payments', 'py_A', { amount: 123456, currency: 'EUR', card_brand: 'amex', card_last4: '4242', created_at: '2026-03-05T10:00:00.000Z' }, 'refunded')]),
      group([hit('refunds', 're_B', { amount: 500, currency: 'JPY', reason: 'requested_by_customer' }, 'succeeded')]),
      group([hit('disputes', 'dp_C', { amount: 2000, currency: 'USD', reason_code: '13.1', reason: 'raw text', response_due_date: '2026-12-04' }, 'needs_response')]),
    ]));
    type(input, 'query');
    expect(await screen.findByText(/American Express •••• 4242/)).toBeTruthy();
    const payment = screen.getByText(/American Express •••• 4242/).textContent!;
    expect(payment).toContain('€1,234.56'); // money in major units with its currency
    expect(payment).toMatch(/Mar 5/); // the date, not the ISO text
    expect(screen.getByText(/¥500 · Requested by customer/)).toBeTruthy(); // the reason's label, not requested_by_customer
    expect(screen.getByText(/13\.1 Merchandise or services not received/)).toBeTruthy();
    expect(screen.getByText(/Dec 4, 2026/)).toBeTruthy();
    expect(screen.getByText('Refund')).toBeTruthy(); // the resource's name, singular
    expect(screen.getByText('Refunded')).toBeTruthy(); // status chip
    expect(screen.getByTestId('search-group-payments').textContent).toContain('Payments');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(path()).toBe('/refunds/re_B/show'));
  });

  it('shows how many match in all, and "see all N" opens the list filtered by the same query', async () => {
    const hits = [1, 2, 3, 4, 5].map((n) => hit('payments', `py_${n}`, { amount: n * 100, currency: 'USD', card_brand: 'visa', card_last4: '0724' }));
    const { input, path, query } = setup((q) => response(q, [group(hits, 9), group([hit('merchants', 'mer_A', { name: 'Blue Harbor' })])]));
    type(input, '0724');
    const all = await screen.findByTestId('search-see-all');
    expect(all.textContent).toBe('See all 9 payments');
    expect(screen.getByTestId('search-group-payments').textContent).toContain('9');
    expect(screen.getAllByTestId('search-see-all')).toHaveLength(1); // one merchant: nothing more to see
    fireEvent.click(all);
    await waitFor(() => expect(path()).toBe('/payments'));
    expect(JSON.parse(query().get('filter')!)).toEqual({ q: '0724' });
  });

  it('says "more than" when the total is capped', async () => {
    const hits = [1, 2, 3, 4, 5].map((n) => hit('payments', `py_${n}`, { amount: n, currency: 'USD' }));
    const { input } = setup((q) => response(q, [group(hits, 10000, false)]));
    type(input, 'ana');
    expect((await screen.findByTestId('search-see-all')).textContent).toBe('See all more than 10,000 payments');
  });

  it('speaks the user\'s language', async () => {
    const { input } = setup((q) => response(q, [group([hit('refunds', 're_B', { amount: 123456, currency: 'EUR', reason: 'duplicate' })], 7)]), 'es');
    type(input, 'dup');
    expect(await screen.findByText(/1234,56\s€ · Duplicado/)).toBeTruthy();
    expect(screen.getByTestId('search-see-all').textContent).toBe('Ver la lista: 7 reembolsos');
  });

  it('opens a hit on click', async () => {
    const { input, path } = setup((q) => response(q, [group([
      hit('merchants', 'mer_A', { name: 'Blue Harbor' }), hit('merchants', 'mer_B', { name: 'Blue Market' }),
    ])]));
    type(input, 'blue');
    fireEvent.click(await screen.findByText('Blue Market'));
    await waitFor(() => expect(path()).toBe('/merchants/mer_B/show'));
  });

  it('searches once, after the user pauses typing, for what was typed last', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { search, input } = setup((q) => response(q, []));
    type(input, 'bl');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 10));
    type(input, 'blu');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 10));
    type(input, 'blue');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1));
    expect(search).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('blue');
  });

  it('does not search for a single character, even on Enter, and says so when nothing matches', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { search, input } = setup((q) => response(q, []));
    type(input, 'x');
    fireEvent.keyDown(input, { key: 'Enter' });
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 4));
    expect(search).not.toHaveBeenCalled();
    type(input, 'nothing-here');
    await act(async () => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(search).toHaveBeenCalledWith('nothing-here');
    expect(screen.getByTestId('search-no-results').textContent).toContain('nothing-here');
  });
});
