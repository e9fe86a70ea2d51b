// @vitest-environment jsdom
// What an approver sees before clicking: the approvals a payout needs and has, "Balance short" and
// "Needs 2 approvals" markers, Approve disabled with the reason when the server would refuse it,
// and a declined payout that says who declined it instead of "No approvals yet".
import { screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import { Approvals } from './Approvals.tsx';
import { PayoutActions } from './PayoutActions.tsx';
import { PayoutFlags } from './PayoutFlags.tsx';

const base = {
  id: 'po_1', merchant_id: 'mer_1', currency: 'USD', amount: 2_000_000, payout_number: 7, status: 'pending',
  approvals: [] as Array<{ user_id: string; at: string }>, approvals_required: 2, balance_short: false,
  decided_by: null as string | null, decided_at: null as string | null, decline_reason: null as string | null,
  user_names: {} as Record<string, string>,
};

function show(record: typeof base, ui: React.ReactNode, available = 5_000_000, locale = 'en') {
  return renderInAdmin(<RecordContextProvider value={record}>{ui}</RecordContextProvider>, {
    role: 'admin',
    locale,
    dataProvider: {
      getOne: (async (resource: string) => (resource === 'balances'
        ? { data: { id: 'mer_1:USD', available, pending: 0 } }
        : { data: { id: 'mer_1', name: 'Shop' } })),
    },
  });
}

describe('payout review', () => {
  it('shows what approvals a payout needs and has, with the first approver by name', async () => {
    const record = {
      ...base, status: 'pending_second_approval',
      approvals: [{ user_id: 'usr_other', at: '2026-11-20T10:00:00Z' }], user_names: { usr_other: 'Ana Admin' },
    };
    show(record, <Approvals />);
    expect((await screen.findByTestId('approvals-needed')).textContent).toBe('Needs 2 approvals · 1 of 2 given');
    expect(screen.getByTestId('payout-approvals').textContent).toContain('Ana Admin');
    expect(screen.queryByTestId('approvals-empty')).toBeNull();
  });

  it('a declined payout says who declined it and why, not "No approvals yet"', async () => {
    const record = {
      ...base, status: 'declined', approvals_required: 1, balance_short: null as unknown as boolean,
      decided_by: 'usr_other', decided_at: '2026-11-20T10:00:00Z', decline_reason: 'KYC pending', user_names: { usr_other: 'Ana Admin' },
    };
    show(record, <Approvals />);
    const panel = await screen.findByTestId('payout-approvals');
    expect(panel.textContent).not.toContain('No approvals yet');
    expect(screen.getByTestId('approvals-empty').textContent).toBe('Declined before any approval');
    expect(screen.getByTestId('payout-declined-by').textContent).toMatch(/^Declined by Ana Admin · .*KYC pending/);
  });

  it('marks "Balance short" and "Needs 2 approvals" on open payouts, in the user\'s language', async () => {
    show({ ...base, balance_short: true }, <PayoutFlags />, 0, 'es');
    expect((await screen.findByTestId('flag-balance-short')).textContent).toBe('Saldo insuficiente');
    expect(screen.getByTestId('flag-needs-two').textContent).toBe('Requiere 2 aprobaciones');
  });

  it('marks nothing on a small, covered payout or on a decided one', async () => {
    const { container } = show({ ...base, approvals_required: 1 }, <PayoutFlags />);
    const declined = show({ ...base, status: 'declined', balance_short: true }, <PayoutFlags />);
    await waitFor(() => expect(container.textContent).toBe(''));
    expect(declined.container.textContent).toBe('');
  });

  it('disables Approve, saying why, when the available balance does not cover the payout', async () => {
    show({ ...base, balance_short: true }, <PayoutActions />, 1_000);
    const approve = await screen.findByRole('button', { name: 'Approve' });
    await waitFor(() => expect(approve).toHaveProperty('disabled', true));
    expect(screen.getByTestId('approve-disabled-reason').textContent).toMatch(/does not cover this payout/);
    expect(screen.getByRole('button', { name: 'Decline' })).toHaveProperty('disabled', false);
  });

  it('disables Approve for the admin who gave the first approval, and enables it for another', async () => {
    const mine = { ...base, status: 'pending_second_approval', approvals: [{ user_id: 'usr_admin', at: '2026-11-20T10:00:00Z' }] };
    const first = show(mine, <PayoutActions />);
    const approve = await within(first.container).findByRole('button', { name: 'Approve' });
    expect(approve).toHaveProperty('disabled', true);
    expect(within(first.container).getByTestId('approve-disabled-reason').textContent).toMatch(/second, different admin/);
    first.unmount();

    const other = show({ ...mine, approvals: [{ user_id: 'usr_other', at: '2026-11-20T10:00:00Z' }] }, <PayoutActions />);
    const enabled = await within(other.container).findByRole('button', { name: 'Approve' });
    await waitFor(() => expect(enabled).toHaveProperty('disabled', false));
    expect(within(other.container).queryByTestId('approve-disabled-reason')).toBeNull();
  });
});
