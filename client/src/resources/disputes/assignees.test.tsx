// @vitest-environment jsdom
// Support's day: the assignee by name ("You" for oneself) for every role, without asking for the
// users list; and support can hand a dispute to another support agent.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../../shared/enums.ts';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import { AssigneeControl } from './AssigneeControl.tsx';
import { AssigneeField } from './AssigneeField.tsx';
import { DisputeWorkProvider } from './DisputeWork.tsx';

const dispute = {
  id: 'dp_1', status: 'needs_response', amount: 1265, currency: 'BRL', response_due_date: '2026-11-27',
  response_text: null, assignee_id: 'usr_s2', assignee_name: 'Sam Second',
};
const people = [
  { id: 'usr_support', name: 'Sofia Support', role: 'support' },
  { id: 'usr_s2', name: 'Sam Second', role: 'support' },
  { id: 'usr_admin', name: 'Alex Admin', role: 'admin' },
];

function render(ui: React.ReactNode, role: Role, record: Record<string, unknown> = dispute) {
  const getMany = vi.fn(async () => ({ data: [] }));
  const getList = vi.fn(async () => ({ data: [], total: 0 }));
  const update = vi.fn(async (_r: string, params: { data: Record<string, unknown> }) => ({ data: { ...record, ...params.data } }));
  const disputeAssignees = vi.fn(async () => people);
  const rendered = renderInAdmin(<RecordContextProvider value={record}>{ui}</RecordContextProvider>, {
    role,
    dataProvider: {
      getMany, getList, getOne: async () => ({ data: record }), update,
      disputeAssignees, disputeAttachments: async () => [],
    },
  });
  return { ...rendered, getMany, getList, update, disputeAssignees };
}

describe('dispute assignees', () => {
  it.each(['operator', 'support', 'admin'] as const)('shows the name to %s, asking nothing of the users list', async (role) => {
    const { getMany, getList, container } = render(<AssigneeField />, role);
    await waitFor(() => expect(container.textContent).toBe('Sam Second'));
    expect(getMany).not.toHaveBeenCalled();
    expect(getList).not.toHaveBeenCalled();
  });

  it('says "You" for one\'s own disputes', async () => {
    const { container } = render(<AssigneeField />, 'support', { ...dispute, assignee_id: 'usr_support', assignee_name: 'Sofia Support' });
    await waitFor(() => expect(container.textContent).toBe('You'));
  });

  it('lets support hand a dispute to another support agent, picked by name', async () => {
    const { update, disputeAssignees, getList } = render(<DisputeWorkProvider><AssigneeControl /></DisputeWorkProvider>, 'support', {
      ...dispute, assignee_id: 'usr_support', assignee_name: 'Sofia Support',
    });
    await waitFor(() => expect(screen.getByTestId('assignee-name').textContent).toBe('You'));
    await waitFor(() => expect(disputeAssignees).toHaveBeenCalled());
    fireEvent.mouseDown(await screen.findByTestId('assignee-picker'));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    // Oneself is "Assign to me"; the others by name, support agents first.
    expect(options).toEqual(['Nobody', 'Sam Second · Support', 'Alex Admin · Admin']);
    fireEvent.click(screen.getByRole('option', { name: 'Sam Second · Support' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0][1]).toMatchObject({ id: 'dp_1', data: { assignee_id: 'usr_s2' } });
    expect(getList).not.toHaveBeenCalledWith('users', expect.anything());
  });

  it('offers operators no way to reassign', async () => {
    const { accessAnswered, disputeAssignees } = render(<DisputeWorkProvider><AssigneeControl /></DisputeWorkProvider>, 'operator');
    await waitFor(() => expect(screen.getByTestId('assignee-name').textContent).toBe('Sam Second'));
    await accessAnswered('disputes', 'assign');
    expect(screen.queryByTestId('assignee-picker')).toBeNull();
    expect(disputeAssignees).not.toHaveBeenCalled();
  });
});
