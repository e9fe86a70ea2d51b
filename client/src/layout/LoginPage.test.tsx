// @vitest-environment jsdom
// The sign-in page says why the session ended (from /login?reason=…) in the user's language, and
// how long a throttled sign-in must wait.
import { screen } from '@testing-library/react';
import { useTranslate } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { LoginPage, throttledMessage } from './LoginPage.tsx';

describe('the sign-in page', () => {
  it('says a session ended for inactivity', async () => {
    renderInAdmin(<LoginPage />, { path: '/login?reason=idle' });
    expect((await screen.findByTestId('session-ended')).textContent).toMatch(/signed out after a period without activity/);
  });

  it('says the user was signed out elsewhere, in Portuguese', async () => {
    renderInAdmin(<LoginPage />, { path: '/login?reason=ended', locale: 'pt' });
    expect((await screen.findByTestId('session-ended')).textContent).toMatch(/em outra aba ou janela/);
  });

  it('says nothing on a plain visit, or for a reason it does not know', async () => {
    renderInAdmin(<LoginPage />, { path: '/login?reason=<script>' });
    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.queryByTestId('session-ended')).toBeNull();
  });

  it('gives the wait of a throttled sign-in in minutes or seconds', async () => {
    const seen: string[] = [];
    function Probe() {
      const translate = useTranslate();
      seen.push(throttledMessage(translate, 840), throttledMessage(translate, 1), throttledMessage(translate, undefined));
      return null;
    }
    renderInAdmin(<Probe />, { locale: 'es' });
    await screen.findByText((_, el) => el === document.body);
    expect(seen.slice(0, 3)).toEqual([
      'Demasiados intentos fallidos. Vuelve a intentarlo en 14 minutos.',
      'Demasiados intentos fallidos. Vuelve a intentarlo en 1 segundo.',
      'Demasiados intentos fallidos. Vuelve a intentarlo más tarde.',
    ]);
  });
});
