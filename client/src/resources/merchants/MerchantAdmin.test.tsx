// @vitest-environment jsdom
// Merchant status and plan: only admins get the button; the dialog explains the chosen status or
// plan before applying, and sends only what changed.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import { MerchantAdminButton } from './MerchantAdmin.tsx';

const MERCHANT = { id: 'mer_A', name: 'Blue Harbor', status: 'active', plan_id: 'plan_A' };
const PLANS = [
  { id: 'plan_A', name: 'Starter Flat', plan_type: 'FLAT_RATE', percent_bps: 290, fixed_fee: 30, currency: 'USD' },
  { id: 'plan_B', name: 'Growth Flat', plan_type: 'FLAT_RATE', percent_bps: 250, fixed_fee: 25, currency: 'USD' },
];

function renderButton(role: 'admin' | 'operator' | 'support', update = vi.fn(async (_r: string, { id, data }: { id: string; data: Record<string, unknown> }) => ({ data: { ...MERCHANT, ...data, id } }))) {
  const { accessAnswered } = renderInAdmin(
    <ResourceContextProvider value="merchants">
      <RecordContextProvider value={MERCHANT}>
        <span>merchant page</span>
        <MerchantAdminButton />
      </RecordContextProvider>
    </ResourceContextProvider>,
    { role, dataProvider: { getList: async () => ({ data: PLANS, total: PLANS.length }), update } },
  );
  return { update, accessAnswered };
}

describe('merchant status and plan', () => {
  for (const role of ['operator', 'support'] as const) {
    it(`is not offered to ${role}s`, async () => {
      const { accessAnswered } = renderButton(role);
      await screen.findByText('merchant page');
      await accessAnswered('merchants', 'edit');
      expect(screen.queryByRole('button', { name: 'Status and plan' })).toBeNull();
    });
  }

  it('lets an admin suspend a merchant after reading what it means', async () => {
    const { update } = renderButton('admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Status and plan' }));
    const dialog = await screen.findByRole('dialog');
    const apply = within(dialog).getByRole('button', { name: 'Apply' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true); // nothing chosen yet
    fireEvent.click(within(dialog).getByRole('radio', { name: /Suspended/ }));
    expect(dialog.textContent).toContain('Suspended: the merchant is put on hold');
    const effect = within(dialog).getByTestId('merchant-admin-effect');
    expect(effect.textContent).toContain('Status: Active → Suspended');
    expect(effect.textContent).toContain('recorded in the audit log');
    fireEvent.click(apply);
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0][1]).toMatchObject({ id: 'mer_A', data: { status: 'suspended' } });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('explains a plan change and sends only the plan', async () => {
    const { update } = renderButton('admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Status and plan' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(await within(dialog).findByRole('combobox', { name: 'Plan' }));
    fireEvent.click(await screen.findByRole('option', { name: /Growth Flat/ }));
    expect(within(dialog).getByTestId('merchant-admin-effect').textContent).toContain('Plan: Starter Flat → Growth Flat. Fees of payments from now on are computed with Growth Flat');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0][1].data).toEqual({ plan_id: 'plan_B' });
  });
});
