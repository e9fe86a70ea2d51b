// @vitest-environment jsdom
// "Change password": in every role's user menu; the page sends the current and the new password,
// shows the server's refusals on the right field, and says the other sessions end.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KboAppBar } from '../layout/AppBar.tsx';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import ChangePasswordPage from './ChangePasswordPage.tsx';

function answer(status: number, body?: object) {
  return vi.fn(async () => new Response(body ? JSON.stringify(body) : null, { status, headers: body ? { 'Content-Type': 'application/json' } : {} }));
}

function fill(current: string, next: string, repeat = next) {
  fireEvent.change(screen.getByLabelText(/^Current password/), { target: { value: current } });
  fireEvent.change(screen.getByLabelText(/^New password/), { target: { value: next } });
  fireEvent.change(screen.getByLabelText(/^Repeat the new password/), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

afterEach(() => vi.unstubAllGlobals());

describe('changing my password', () => {
  for (const role of ['operator', 'support', 'admin'] as const) {
    it(`is in the user menu (${role})`, async () => {
      renderInAdmin(<KboAppBar />, { role });
      fireEvent.click(await screen.findByRole('button', { name: 'Profile' }));
      const item = await screen.findByRole('menuitem', { name: 'Change password' });
      expect(item.getAttribute('href')).toBe('/account/password');
    });
  }

  it('says the other sessions end, sends both passwords, and confirms', async () => {
    const fetch = answer(204);
    vi.stubGlobal('fetch', fetch);
    renderInAdmin(<ChangePasswordPage />, { role: 'support', path: '/account/password' });
    expect(await screen.findByText(/signs you out everywhere else/)).toBeTruthy();
    fill('backoffice-demo', 'granite lantern orbit');
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/password');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ current_password: 'backoffice-demo', new_password: 'granite lantern orbit' });
    expect((await screen.findByTestId('password-changed')).textContent).toBe('Password changed. Your other sessions have been signed out.');
    expect(screen.queryByLabelText(/^Current password/)).toBeNull();
  });

  it('puts a wrong current password on its field', async () => {
    vi.stubGlobal('fetch', answer(400, { message: 'The current password is not correct', errors: { current_password: 'incorrect' } }));
    renderInAdmin(<ChangePasswordPage />, { path: '/account/password' });
    await screen.findByLabelText(/^Current password/);
    fill('not-my-password', 'granite lantern orbit');
    expect(await screen.findByText('The current password is not correct')).toBeTruthy();
    expect(screen.getByLabelText(/^Current password/).getAttribute('aria-invalid')).toBe('true');
  });

  it('puts the password policy\'s refusal on the new password', async () => {
    vi.stubGlobal('fetch', answer(400, { message: 'Password must not contain your email address or name', errors: { password: 'contains email or name' } }));
    renderInAdmin(<ChangePasswordPage />, { path: '/account/password' });
    await screen.findByLabelText(/^Current password/);
    fill('backoffice-demo', 'support-example-2026');
    expect(await screen.findByText('Your email address and name do not count towards its strength: add a few unrelated words')).toBeTruthy();
    expect(screen.getByLabelText(/^New password/).getAttribute('aria-invalid')).toBe('true');
  });

  it('catches a mistyped repeat before asking the server', async () => {
    const fetch = answer(204);
    vi.stubGlobal('fetch', fetch);
    renderInAdmin(<ChangePasswordPage />, { path: '/account/password' });
    await screen.findByLabelText(/^Current password/);
    fill('backoffice-demo', 'granite lantern orbit', 'granite lantern orbiy');
    expect(await screen.findByText('The two new passwords are not the same')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});
