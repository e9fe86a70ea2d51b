// @vitest-environment jsdom
// User management: the create form shows the server's refusals on the fields they are about (the
// password policy, a taken email), in the user's language; the edit form confirms what ends
// sessions, shows a refusal, and does not offer an admin to lock themselves out.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Edit, HttpError, ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import UserCreate from './UserCreate.tsx';
import { UserEditForm } from './UserEdit.tsx';

const policyRefusal = () =>
  new HttpError('This password is too common or easy to guess; a few unrelated words make a good one', 400, {
    message: 'This password is too common or easy to guess; a few unrelated words make a good one',
    errors: { password: 'too common' },
  });

function fillCreate(values: { email: string; name: string; password: string }) {
  fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: values.email } });
  fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: values.name } });
  fireEvent.change(screen.getByLabelText(/^Initial password/), { target: { value: values.password } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
}

function renderCreate(create: (...args: never[]) => Promise<unknown>, locale?: string) {
  const onLocation = vi.fn();
  renderInAdmin(
    <ResourceContextProvider value="users"><UserCreate /></ResourceContextProvider>,
    { dataProvider: { create }, locale, onLocation },
  );
  return onLocation;
}

describe('creating a user', () => {
  it('shows the password policy refusal on the password field, then creates the user once the password is good', async () => {
    const create = vi.fn()
      .mockRejectedValueOnce(policyRefusal())
      .mockImplementationOnce(async (_r: string, { data }: { data: Record<string, unknown> }) => ({ data: { ...data, id: 'usr_NEW', disabled: false } }));
    const onLocation = renderCreate(create);
    await screen.findByLabelText(/^Initial password/);
    fillCreate({ email: 'new.person@example.com', name: 'New Person', password: 'password1234' });

    const field = (await screen.findByText(/Too common or easy to guess/)).closest('.MuiFormControl-root') as HTMLElement;
    expect(within(field).getByLabelText(/^Initial password/)).toBeTruthy();
    expect(create).toHaveBeenCalledWith('users', expect.objectContaining({
      data: { email: 'new.person@example.com', name: 'New Person', role: 'operator', password: 'password1234' },
    }));

    fireEvent.change(screen.getByLabelText(/^Initial password/), { target: { value: 'granite lantern orbit' } });
    // Typing again re-validates the field and clears the server's refusal.
    await waitFor(() => expect(screen.queryByText(/Too common or easy to guess/)).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(onLocation.mock.lastCall?.[0]).toBe('/users/usr_NEW/show'));
  });

  it('checks the length before asking the server', async () => {
    const create = vi.fn();
    renderCreate(create);
    await screen.findByLabelText(/^Initial password/);
    fillCreate({ email: 'short@example.com', name: 'Short', password: 'abc' });
    expect(await screen.findByText('Too short: at least 12 characters')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('puts "email already taken" (409) on the email field', async () => {
    const create = vi.fn().mockRejectedValue(new HttpError('A user with email x@example.com already exists', 409, { message: 'A user with email x@example.com already exists' }));
    renderCreate(create);
    await screen.findByLabelText(/^Initial password/);
    fillCreate({ email: 'x@example.com', name: 'X', password: 'granite lantern orbit' });
    const message = await screen.findByText('A user with this email already exists');
    expect(within(message.closest('.MuiFormControl-root') as HTMLElement).getByLabelText(/^Email/)).toBeTruthy();
  });

  it('speaks the user\'s language, server refusals included', async () => {
    renderCreate(vi.fn().mockRejectedValue(policyRefusal()), 'es');
    await screen.findByLabelText(/^Contraseña inicial/);
    fireEvent.change(screen.getByLabelText(/^Correo/), { target: { value: 'nueva@example.com' } });
    fireEvent.change(screen.getByLabelText(/^Nombre/), { target: { value: 'Nueva' } });
    fireEvent.change(screen.getByLabelText(/^Contraseña inicial/), { target: { value: 'password1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText(/Demasiado común o fácil de adivinar/)).toBeTruthy();
  });
});

const OTHER = { id: 'usr_OTHER', email: 'other@example.com', name: 'Olga Other', role: 'support', disabled: false };

function renderEdit(record: typeof OTHER, update: (...args: never[]) => Promise<unknown>) {
  renderInAdmin(
    <Edit resource="users" id={record.id} mutationMode="pessimistic" actions={false}><UserEditForm /></Edit>,
    { dataProvider: { getOne: async () => ({ data: record }), update } },
  );
}

describe('changing a user', () => {
  it('asks before disabling, saying their sessions end, and sends only what changed', async () => {
    const update = vi.fn(async (_r: string, { id, data }: { id: string; data: Record<string, unknown> }) => ({ data: { ...OTHER, ...data, id } }));
    renderEdit(OTHER, update);
    fireEvent.click(await screen.findByLabelText('Account disabled'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Disabling Olga Other signs them out of every session');
    expect(update).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0][1].data).toEqual({ disabled: true });
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const update = vi.fn();
    renderEdit(OTHER, update);
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: /Role/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Admin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('from Support to Admin');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(update).not.toHaveBeenCalled();
  });

  it('saves a new name without asking, and shows a refusal (409) in the form', async () => {
    const update = vi.fn().mockRejectedValue(new HttpError('You cannot disable your own account or remove your own admin role', 409, {}));
    renderEdit(OTHER, update);
    const name = await screen.findByLabelText(/^Name/);
    fireEvent.change(name, { target: { value: 'Olga O.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('user-edit-refusal')).textContent).toBe('You cannot disable your own account or remove your own admin role.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(update.mock.calls[0][1].data).toEqual({ name: 'Olga O.' });
  });

  it('does not offer admins to disable or demote themselves', async () => {
    // fakeAuth's admin is usr_admin.
    renderEdit({ ...OTHER, id: 'usr_admin', role: 'admin', name: 'Me' }, vi.fn());
    expect(await screen.findByText(/This is your own account/)).toBeTruthy();
    expect((screen.getByLabelText('Account disabled') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole('combobox', { name: /Role/ }).getAttribute('aria-disabled')).toBe('true');
  });
});
