// @vitest-environment jsdom
// A record that does not exist: its own page with the id, on the URL the user opened — not
// react-admin's "Element does not exist" and a redirect to the list.
import { screen } from '@testing-library/react';
import { HttpError, ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { ShowPage } from './DetailLayout.tsx';

function open(status: number, locale = 'en') {
  let path = '';
  renderInAdmin(
    <Routes>
      <Route path="/payments/:id/show" element={<ResourceContextProvider value="payments"><ShowPage><span>record</span></ShowPage></ResourceContextProvider>} />
      <Route path="/payments" element={<span>the list</span>} />
    </Routes>,
    {
      locale,
      path: '/payments/py_01NOPE/show',
      onLocation: (p) => { path = p; },
      dataProvider: { getOne: async () => { throw new HttpError('No payments record with id "py_01NOPE"', status, {}); } },
    },
  );
  return () => path;
}

describe('a missing record', () => {
  it('gets a not-found page with its id, and stays on the URL opened', async () => {
    const path = open(404);
    const page = await screen.findByTestId('record-not-found');
    expect(page.dataset.status).toBe('404');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('No payment with this id');
    expect(screen.getByTestId('missing-id').textContent).toBe('py_01NOPE');
    expect(screen.getByRole('link', { name: 'Back to payments' }).getAttribute('href')).toBe('/payments');
    expect(screen.queryByText('Element does not exist')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(path()).toBe('/payments/py_01NOPE/show');
  });

  it('says it in the user\'s language', async () => {
    open(404, 'es');
    await screen.findByTestId('record-not-found');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('No hay ningún registro de pago con este id');
  });

  it('tells a failure to load apart from a missing record, and offers to try again', async () => {
    open(500);
    const page = await screen.findByTestId('record-not-found');
    expect(page.dataset.status).toBe('error');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('This payment could not be loaded');
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy();
  });
});
