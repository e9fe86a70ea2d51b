// Sign-in: email and password against /api/auth/login, then — for an account with two-factor
// sign-in (every admin) — a second step asking for the code from the authenticator app or a
// recovery code (the server answered `mfa_required`). The language can be chosen before signing
// in; errors say what went wrong without revealing which of email and password was wrong. After a
// session ended on its own (idle, too long, signed out elsewhere), the page says why; a throttled
// attempt says how long to wait, as the server's Retry-After says.
import { Alert, Box, Button, Card, CardContent, CircularProgress, Link, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Form, LocalesMenuButton, PasswordInput, required, TextInput, useLogin, useNotify, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { preloadHomeWhenIdle } from '../preloadViews.ts';
import { reasonInSearch } from '../sessionEnd.ts';
import { LogoMark } from './LogoMark.tsx';

/** "Your session ended after 30 minutes without activity", from /login?reason=… */
function SessionEndedNotice() {
  const translate = useTranslate();
  const reason = reasonInSearch(useLocation().search);
  if (!reason) return null;
  return <Alert severity="info" sx={{ mb: 2 }} data-testid="session-ended">{translate(`app.screens.session.${reason}`)}</Alert>;
}

/** The wait before another attempt, in whole minutes past a minute, else seconds. */
export function throttledMessage(translate: (key: string, args?: object) => string, seconds: number | undefined): string {
  if (seconds === undefined) return translate('app.screens.session.throttled_later');
  if (seconds < 60) return translate('app.screens.session.throttled_seconds', { smart_count: seconds });
  return translate('app.screens.session.throttled_minutes', { smart_count: Math.ceil(seconds / 60) });
}

interface Credentials {
  email: string;
  password: string;
}

export function LoginPage() {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  /** Set once the password was right and the account needs a code: the second step. */
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  // While the form is filled in, the home page's code downloads: signing in then waits only for data.
  useEffect(preloadHomeWhenIdle, []);

  const attempt = async (params: Credentials & { otp?: string }) => {
    setBusy(true);
    try {
      await login(params);
    } catch (error) {
      const e = error as { status?: number; message?: string; mfaRequired?: boolean; retryAfter?: number };
      setBusy(false);
      if (e.mfaRequired) {
        // The first time: ask for the code. After a code: it was wrong or already used.
        if (params.otp) notify('app.login.code_failed', { type: 'error' });
        setCredentials({ email: params.email, password: params.password });
        return;
      }
      setCredentials(null);
      if (e.status === 429) notify(throttledMessage(translate, e.retryAfter), { type: 'error' });
      else notify(e.status === 401 ? 'app.login.failed' : (e.message ?? 'ra.auth.sign_in_error'), { type: 'error' });
    }
  };

  const submitPassword = (values: Record<string, unknown>) => {
    const { email, password } = values as unknown as Credentials;
    return attempt({ email: email.trim(), password });
  };

  const submitCode = (values: Record<string, unknown>) => {
    const otp = String(values.otp ?? '').trim();
    return credentials && otp ? attempt({ ...credentials, otp }) : undefined;
  };

  const button = (label: string) => (
    <Button type="submit" variant="contained" size="large" fullWidth disabled={busy} sx={{ mt: 2 }}>
      {busy ? <CircularProgress size={22} color="inherit" /> : translate(label)}
    </Button>
  );

  return (
    <Box
      sx={(theme) => ({
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        px: 2,
        background: theme.palette.mode === 'dark'
          ? 'linear-gradient(160deg, #0b1120 0%, #1a1f4a 100%)'
          : 'linear-gradient(160deg, #f6f8fa 0%, #e9e6ff 100%)',
      })}
    >
      <Box sx={{ position: 'absolute', top: 8, right: 8 }}><LocalesMenuButton /></Box>
      <Card sx={{ width: '100%', maxWidth: 400 }}>
        <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
          <Stack direction="row" spacing={1.5} alignItems="center" sx={{ mb: 3 }}>
            <LogoMark size={36} />
            <Typography variant="h6" component="div" fontWeight={700}>{translate('app.name')}</Typography>
          </Stack>
          {credentials ? (
            <>
              <Typography variant="h5" component="h1" gutterBottom>{translate('app.login.code_title')}</Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('app.login.code_subtitle')}</Typography>
              <Form key="code" onSubmit={submitCode} noValidate>
                <TextInput
                  source="otp"
                  label="app.login.code"
                  helperText="app.login.code_help"
                  autoComplete="one-time-code"
                  autoFocus
                  validate={required()}
                  variant="outlined"
                  slotProps={{ htmlInput: { maxLength: 64, spellCheck: false } }}
                />
                {button('app.login.verify')}
              </Form>
              <Link component="button" type="button" variant="body2" onClick={() => setCredentials(null)} sx={{ mt: 2 }}>
                {translate('app.login.back')}
              </Link>
            </>
          ) : (
            <>
              <Typography variant="h5" component="h1" gutterBottom>{translate('app.login.title')}</Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('app.login.subtitle')}</Typography>
              <SessionEndedNotice />
              <Form key="password" onSubmit={submitPassword} noValidate>
                <TextInput
                  source="email"
                  type="email"
                  label="app.login.email"
                  autoComplete="username"
                  autoFocus
                  validate={required()}
                  variant="outlined"
                />
                <PasswordInput source="password" label="app.login.password" autoComplete="current-password" validate={required()} variant="outlined" />
                {button('app.login.sign_in')}
              </Form>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
