// @vitest-environment jsdom
// The key-figure cards: money per currency with its own exponent (never summed across
// currencies), rates as percentages in the user's language, and only the cards of the role.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { Kpis } from './Kpis.tsx';
import { widgetsFor } from './roles.ts';
import type { Overview } from '../stats/statsApi.ts';
import { workListPath, workLists } from '../../../shared/workLists.ts';

const text = (el: HTMLElement) => el.textContent!.replace(/\u00a0|\u202f/g, ' ');

const overview: Overview = {
  as_of: '2026-11-21T12:00:00.000Z',
  today: '2026-11-21',
  window: { from: '2026-10-23', to: '2026-11-21' },
  volume_today: [],
  volume_30d: [
    { currency: 'BHD', volume: 1500, fees: 45, count: 1 },
    { currency: 'JPY', volume: 114863, fees: 3733, count: 7 },
    { currency: 'USD', volume: 968081, fees: 24881, count: 73 },
  ],
  refund_rate: { events: 8, payments: 273, rate: 0.029304029304029304 },
  dispute_rate: { events: 4, payments: 273, rate: 0.014652014652014652 },
  payouts_awaiting_approval: {
    count: 32, by_status: { pending: 30, pending_second_approval: 2 },
    by_currency: [{ currency: 'EUR', count: 8, amount: 743092 }],
  },
  work: {
    payouts_to_approve: { count: 32, exact: true }, disputes_to_answer: { count: 21, exact: true },
    disputes_due_soon: { count: 4, exact: true }, disputes_overdue: { count: 3, exact: true },
    payments_declined_today: { count: 5, exact: true }, refunds_pending: { count: 10_000, exact: false },
  },
  disputes_due_soon: { to: '2026-11-24', count: 4, overdue: 3, soonest: [] },
};

const dataProvider = { getOverview: async () => overview };

describe('the key figures', () => {
  it('show each currency\'s volume in its own units, and rates as percentages', async () => {
    renderInAdmin(<Kpis widgets={widgetsFor('admin')} />, { dataProvider });
    const month = await screen.findByTestId('kpi-volume_30d');
    const lines = within(month).getAllByRole('listitem').map((li) => [...li.children].map((c) => text(c as HTMLElement)).join(' | '));
    expect(lines).toEqual(['BHD 1.500 | 1 payment', '¥114,863 | 7 payments', '$9,680.81 | 73 payments']);
    expect(text(screen.getByTestId('kpi-volume_today'))).toContain('Nothing captured yet today');
    expect(text(screen.getByTestId('kpi-refund_rate'))).toContain('2.93%');
    expect(text(screen.getByTestId('kpi-refund_rate'))).toContain('8 refunds of 273 payments');
    expect(text(screen.getByTestId('kpi-dispute_rate'))).toContain('1.47%');
    const payouts = text(screen.getByTestId('kpi-payouts_awaiting'));
    expect(payouts).toContain('32');
    expect(payouts).toContain('€7,430.92');
    expect(payouts).toContain('2 waiting for a second approval');
    expect(text(screen.getByTestId('kpi-disputes_due'))).toContain('4including 3 overdue');
  });

  it('link each card to the very list its number counts', async () => {
    renderInAdmin(<Kpis widgets={widgetsFor('admin')} />, { dataProvider });
    const lists = workLists('2026-11-21');
    const href = (id: string) => decodeURIComponent(within(screen.getByTestId(id)).getByRole('link').getAttribute('href')!);
    await screen.findByTestId('kpi-disputes_due');
    expect(href('kpi-disputes_due')).toBe(decodeURIComponent(workListPath(lists.disputes_due_soon)));
    expect(href('kpi-disputes_due')).toContain('"response_due_date_lte":"2026-11-24"'); // overdue ones included: no lower bound
    expect(href('kpi-payouts_awaiting')).toBe(decodeURIComponent(workListPath(lists.payouts_to_approve)));
  });

  it('use the plural forms of each language for one', async () => {
    const one: Overview = {
      ...overview,
      refund_rate: { events: 1, payments: 273, rate: 1 / 273 },
      payouts_awaiting_approval: { ...overview.payouts_awaiting_approval, by_status: { pending: 31, pending_second_approval: 1 } },
      disputes_due_soon: { ...overview.disputes_due_soon, overdue: 1 },
    };
    const expected = {
      en: ['1 refund of 273 payments', '1 waiting for a second approval', 'including 1 overdue'],
      es: ['1 reembolso de 273 pagos', '1 espera una segunda aprobación', 'incluida 1 vencida'],
      pt: ['1 reembolso de 273 pagamentos', '1 aguarda uma segunda aprovação', 'incluindo 1 atrasada'],
    };
    for (const [locale, [refunds, second, overdue]] of Object.entries(expected)) {
      const { unmount } = renderInAdmin(<Kpis widgets={widgetsFor('admin')} />, { dataProvider: { getOverview: async () => one }, locale });
      expect(text(await screen.findByTestId('kpi-refund_rate'))).toContain(refunds);
      expect(text(screen.getByTestId('kpi-payouts_awaiting'))).toContain(second);
      expect(text(screen.getByTestId('kpi-disputes_due'))).toContain(overdue);
      unmount();
    }
  });

  it('follow the user\'s language', async () => {
    renderInAdmin(<Kpis widgets={widgetsFor('admin')} />, { dataProvider, locale: 'pt' });
    expect(text(await screen.findByTestId('kpi-refund_rate'))).toContain('2,93%');
    expect(text(screen.getByTestId('kpi-volume_30d'))).toContain('US$ 9.680,81');
  });

  it('fit each role: support sees disputes, not payouts or volume; operators no payouts or disputes due', async () => {
    const { unmount } = renderInAdmin(<Kpis widgets={widgetsFor('support')} />, { dataProvider, role: 'support' });
    await screen.findByTestId('kpi-disputes_due');
    expect(screen.queryByTestId('kpi-payouts_awaiting')).toBeNull();
    expect(screen.queryByTestId('kpi-volume_30d')).toBeNull();
    unmount();
    renderInAdmin(<Kpis widgets={widgetsFor('operator')} />, { dataProvider, role: 'operator' });
    await screen.findByTestId('kpi-volume_30d');
    expect(screen.getByTestId('kpi-refund_rate')).toBeTruthy();
    expect(screen.queryByTestId('kpi-payouts_awaiting')).toBeNull();
    expect(screen.queryByTestId('kpi-disputes_due')).toBeNull();
  });
});
