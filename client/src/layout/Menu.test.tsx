// @vitest-environment jsdom
// Role-based visibility: each role sees only the menu entries it may use.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { AppMenu } from './Menu.tsx';

describe('the menu', () => {
  it('shows admins every group, including Users and the audit log', async () => {
    renderInAdmin(<AppMenu />, { role: 'admin' });
    expect(await screen.findByText('Users')).toBeTruthy();
    expect(screen.getByText('Audit log')).toBeTruthy();
    expect(screen.getByText('Admin')).toBeTruthy();
    for (const label of ['Payments', 'Intents', 'Refunds', 'Disputes', 'Payouts', 'Balances', 'Ledger', 'Merchants', 'Plans']) {
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    }
  });

  for (const role of ['operator', 'support'] as const) {
    it(`hides the Admin group from ${role}s`, async () => {
      renderInAdmin(<AppMenu />, { role });
      expect(await screen.findByText('Ledger')).toBeTruthy();
      expect(screen.queryByText('Users')).toBeNull();
      expect(screen.queryByText('Audit log')).toBeNull();
      expect(screen.queryByText('Admin')).toBeNull();
    });
  }

  it('is translated', async () => {
    renderInAdmin(<AppMenu />, { role: 'admin', locale: 'pt' });
    expect(await screen.findByText('Repasses')).toBeTruthy();
    expect(screen.getByText('Saídas')).toBeTruthy();
  });
});
