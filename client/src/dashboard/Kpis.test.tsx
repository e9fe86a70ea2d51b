// @vitest-environment jsdom
// The key-figure cards: money per currency with its own exponent (never summed across
// currencies), rates as percentages in the user's language, and only the cards of the role.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { Kpis } from './Kpis.tsx';
import { widgetsFor } from './roles.ts';
import type { Overview } from './statsApi.ts';

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
  disputes_due_soon: { from: '2026-11-21', to: '2026-11-24', count: 1, overdue: 3, soonest: [] },
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
    expect(text(screen.getByTestId('kpi-disputes_due'))).toContain('3 overdue');
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
