// @vitest-environment jsdom
// Pending admin grants (docs/security.md, "Dual control"): other admins see each request with
// Approve and Reject; the admin who asked sees theirs without Approve and may withdraw it; the
// panel speaks the user's language and disappears when nothing waits.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import { PendingAdminGrants } from './PendingAdminGrants.tsx';

const USERS: Record<string, { id: string; name: string }> = {
  usr_new: { id: 'usr_new', name: 'Nina New' },
  usr_op: { id: 'usr_op', name: 'Otto Operator' },
  usr_other: { id: 'usr_other', name: 'Sam Second' },
};
const GRANTS = [
  { id: 'agr_1', user_id: 'usr_new', kind: 'create', status: 'pending', requested_by: 'usr_other', requested_at: '2026-11-21T10:00:00.000Z', changes: { disabled: false } },
  // fakeAuth's admin is usr_admin: this one is the signed-in admin's own request.
  { id: 'agr_2', user_id: 'usr_op', kind: 'promote', status: 'pending', requested_by: 'usr_admin', requested_at: '2026-11-21T11:00:00.000Z', changes: { role: 'admin' } },
];

function renderPanel(grants: typeof GRANTS, locale?: string) {
  const decideAdminGrant = vi.fn(async (id: string) => ({ ...grants.find((g) => g.id === id)!, status: 'approved' }));
  const getList = vi.fn(async () => ({ data: grants, total: grants.length }));
  renderInAdmin(<PendingAdminGrants />, {
    locale,
    dataProvider: {
      getList,
      getMany: async (_r: string, { ids }: { ids: string[] }) => ({ data: ids.map((id) => USERS[id]).filter(Boolean) }),
      decideAdminGrant,
    },
  });
  return { decideAdminGrant, getList };
}

describe('pending admin grants', () => {
  it('offers Approve and Reject on another admin\'s request, and only Withdraw on one\'s own', async () => {
    const { decideAdminGrant, getList } = renderPanel(GRANTS);
    const rows = await screen.findAllByTestId('admin-grant');
    expect(rows).toHaveLength(2);
    expect(getList).toHaveBeenCalledWith('admin_grants', expect.objectContaining({ filter: { status: 'pending' } }));
    const [theirs, mine] = rows;
    expect(await within(theirs).findByText('Nina New')).toBeTruthy();
    expect(within(theirs).getByText(/new admin account/)).toBeTruthy();
    expect(await within(theirs).findByText('Sam Second')).toBeTruthy();
    expect(within(mine).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(within(mine).getByText('You asked for this: another admin must approve it.')).toBeTruthy();
    expect(within(mine).getByRole('button', { name: 'Withdraw' })).toBeTruthy();

    fireEvent.click(within(theirs).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(decideAdminGrant).toHaveBeenCalledWith('agr_1', 'approve'));
    fireEvent.click(within(mine).getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(decideAdminGrant).toHaveBeenCalledWith('agr_2', 'reject'));
  });

  it('speaks Spanish and Portuguese', async () => {
    renderPanel(GRANTS, 'es');
    expect(await screen.findByText('Concesiones de administrador pendientes')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Aprobar' })).toBeTruthy();
  });

  it('shows nothing when no grant waits', async () => {
    const { getList } = renderPanel([]);
    await waitFor(() => expect(getList).toHaveBeenCalled());
    expect(screen.queryByTestId('pending-admin-grants')).toBeNull();
  });
});
