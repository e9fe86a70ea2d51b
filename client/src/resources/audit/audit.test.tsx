// @vitest-environment jsdom
// The audit log reads like sentences (actions in words, changes as before/after), offers every
// action the server records as a filter, and has no way to change an entry.
import { screen, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../../shared/auditActions.ts';
import en from '../../i18n/en.ts';
import { auditActionKey } from '../../i18n/admin/en.ts';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import AuditShow from './AuditShow.tsx';
import { auditFilters } from './auditFilters.tsx';
import { describeDetail } from './AuditDetail.tsx';

const ADMIN = { id: 'usr_01KSJ6VX6SGV9SRWTBAD061796', name: 'Ada Admin', email: 'admin@example.com', role: 'admin' };
const TARGET = 'usr_01KSJ6VX6SGV9SRWTBAD061797';

function renderEntry(entry: Record<string, unknown>) {
  renderInAdmin(
    <ResourceContextProvider value="audit">
      <Routes><Route path="/audit/:id/show" element={<AuditShow />} /></Routes>
    </ResourceContextProvider>,
    {
      dataProvider: {
        getOne: async () => ({ data: entry }),
        getMany: async () => ({ data: [ADMIN] }),
      },
      path: `/audit/${entry.id}/show`,
    },
  );
}

const lookup = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], en);

describe('the audit log', () => {
  it('names every action the server records, and offers each as a filter', () => {
    for (const action of AUDIT_ACTIONS) expect(typeof lookup(auditActionKey(action)), action).toBe('string');
    const actionFilter = auditFilters.find((f) => f.props.source === 'action')!;
    expect(actionFilter.props.choices.map((c: { id: string }) => c.id)).toEqual([...AUDIT_ACTIONS]);
    const sources = auditFilters.map((f) => f.props.source);
    for (const s of ['actor_id', 'action', 'entity', 'entity_id', 'created_at_gte', 'created_at_lte']) expect(sources).toContain(s);
  });

  it('shows a user change as a before/after table, in words, with the JSON as recorded', async () => {
    renderEntry({
      id: 'aud_1', actor_id: ADMIN.id, action: 'user.updated', entity: 'users', entity_id: TARGET, ip: '10.0.0.1',
      created_at: '2026-11-21T14:15:22.000Z',
      detail: { from: { role: 'support', disabled: false }, to: { role: 'admin', disabled: true } },
    });
    const table = await screen.findByTestId('audit-changes');
    expect(screen.getByTestId('record-headline').textContent).toBe('User changed');
    const rows = within(table).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['FieldBeforeAfter', 'RoleSupportAdmin', 'DisabledNoYes']);
    expect(screen.getByText('As recorded (JSON)')).toBeTruthy();
    expect(await screen.findByText('Ada Admin')).toBeTruthy();
  });

  it('shows a status move as two chips and other facts with their labels', async () => {
    renderEntry({
      id: 'aud_2', actor_id: ADMIN.id, action: 'payout.declined', entity: 'payouts', entity_id: 'po_1', ip: null,
      created_at: '2026-11-21T14:15:22.000Z',
      detail: { amount: 123456, currency: 'USD', from: 'pending', reason: 'Bank details do not match' },
    });
    const detail = await screen.findByTestId('audit-detail');
    expect(detail.textContent).toContain('Pending');
    expect(detail.textContent).toContain('$1,234.56');
    expect(detail.textContent).toContain('Bank details do not match');
  });

  it('has no edit or delete button', async () => {
    renderEntry({ id: 'aud_3', actor_id: null, action: 'login.failed', entity: 'users', entity_id: null, detail: { email: 'x@example.com', reason: 'wrong_password' }, created_at: '2026-11-21T14:15:22.000Z' });
    expect((await screen.findByTestId('audit-detail')).textContent).toContain('Wrong password');
    expect(screen.queryByRole('button', { name: /Edit|Delete/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /Edit/ })).toBeNull();
  });

  it('reads the three shapes details come in', () => {
    expect(describeDetail({ from: { status: 'active' }, to: { status: 'closed' } })).toEqual({
      fieldChanges: [{ field: 'status', before: 'active', after: 'closed' }], statusMove: null, facts: [],
    });
    expect(describeDetail({ from: 'pending', to: 'approved', approvals: 2 })).toEqual({
      fieldChanges: [], statusMove: { before: 'pending', after: 'approved' }, facts: [['approvals', 2]],
    });
    expect(describeDetail({ note_id: 'dpn_1', length: 12 })).toEqual({ fieldChanges: [], statusMove: null, facts: [['note_id', 'dpn_1'], ['length', 12]] });
  });
});
