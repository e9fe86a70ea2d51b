// @vitest-environment jsdom
// Role-appropriate screens: a list the role may not read shows the access-denied page without
// asking the API anything (no 403s on the way); the payout approval queue is for approvers only.
import { screen, waitFor } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/enums.ts';
import PayoutList from '../resources/payouts/PayoutList.tsx';
import UserList from '../resources/users/UserList.tsx';
import { renderInAdmin } from '../test/renderInAdmin.tsx';

function open(resource: string, ui: React.ReactNode, role: Role) {
  const calls: string[] = [];
  const record = (name: string) => vi.fn(async (res: string) => {
    calls.push(`${name} ${res}`);
    return { data: [], total: 0 };
  });
  const rendered = renderInAdmin(<ResourceContextProvider value={resource}>{ui}</ResourceContextProvider>, {
    role,
    path: `/${resource}`,
    dataProvider: { getList: record('getList'), getMany: record('getMany'), getManyReference: record('getManyReference') },
  });
  return { ...rendered, calls };
}

describe('screens fitted to the role', () => {
  it('shows operators the access-denied page for Users, having asked the API nothing', async () => {
    const { calls, accessAnswered } = open('users', <UserList />, 'operator');
    expect((await screen.findByTestId('access-denied')).textContent).toContain('Your role cannot open Users');
    await accessAnswered('users', 'list');
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toEqual([]);
  });

  it('gives admins the Users list', async () => {
    const { calls } = open('users', <UserList />, 'admin');
    await waitFor(() => expect(calls).toContain('getList users'));
    expect(screen.queryByTestId('access-denied')).toBeNull();
  });

  it('offers the payout approval queue to admins only', async () => {
    const support = open('payouts', <PayoutList />, 'support');
    await waitFor(() => expect(support.calls).toContain('getList payouts'));
    await support.accessAnswered('payouts', 'approve');
    expect(screen.queryByTestId('list-tabs')).toBeNull();
    support.unmount();

    open('payouts', <PayoutList />, 'admin');
    expect((await screen.findByTestId('list-tabs')).textContent).toContain('Approval queue');
  });
});
