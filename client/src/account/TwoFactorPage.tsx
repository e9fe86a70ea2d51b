// Two-factor sign-in (TOTP) for one's own account: required for admins — who land here until it
// is set up — and open to everyone. Three steps, as the API has them (docs/api.md,
// "Authentication"): start (POST /api/auth/mfa/enrol → QR code and the key for typing by hand),
// confirm with a first code (POST /api/auth/mfa/confirm → ten recovery codes), and the recovery
// codes, shown this once. Once set up, the page only says so: the secret is never shown again.
import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link, Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { refreshSignedInUser } from '../authProvider.ts';

interface Enrolment {
  secret: string;
  otpauth_uri: string;
  qr_code: string;
}

async function post<T>(url: string, json?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(json ?? {}),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

/** The base32 key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(' ');

export default function TwoFactorPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const { identity, refetch } = useGetIdentity();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  const start = async () => {
    setBusy(true);
    const { status, body } = await post<Enrolment & { message?: string }>('/api/auth/mfa/enrol').finally(() => setBusy(false));
    if (status === 200) setEnrolment(body);
    else notify(body.message ?? 'ra.notification.http_error', { type: 'error', messageArgs: { _: body.message } });
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !code.trim()) return;
    setBusy(true);
    const { status, body } = await post<{ recovery_codes: string[]; message?: string }>('/api/auth/mfa/confirm', { otp: code.trim() })
      .finally(() => setBusy(false));
    if (status === 200) {
      setRecoveryCodes(body.recovery_codes);
      return;
    }
    setCode('');
    if (status === 400) setCodeError('admin.mfa.invalid_code');
    else notify(body.message ?? 'ra.notification.http_error', { type: 'error', messageArgs: { _: body.message } });
  };

  // The codes are saved: from now on the account has a second factor, and the rest of the app opens.
  const finish = async () => {
    await refreshSignedInUser();
    await refetch();
    navigate('/');
  };

  const enabled = identity?.mfa_enabled === true && !recoveryCodes;
  return (
    <Card sx={{ maxWidth: 640, mt: 2 }}>
      <Title title="admin.mfa.title" />
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1.5} alignItems="center">
            <PhonelinkLockIcon color="primary" />
            <Typography variant="h6" component="h1">{translate('admin.mfa.title')}</Typography>
          </Stack>
          {enabled ? (
            <>
              <Alert severity="success" data-testid="mfa-enabled">{translate('admin.mfa.enabled')}</Alert>
              <Button component={Link} to="/" variant="outlined" sx={{ alignSelf: 'flex-start' }}>{translate('app.menu.dashboard')}</Button>
            </>
          ) : recoveryCodes ? (
            <>
              <Alert severity="success">{translate('admin.mfa.confirmed')}</Alert>
              <Typography variant="subtitle1" component="h2">{translate('admin.mfa.recovery_title')}</Typography>
              <Alert severity="warning">{translate('admin.mfa.recovery_intro')}</Alert>
              <Box
                component="ol"
                data-testid="recovery-codes"
                sx={{ fontFamily: 'monospace', fontSize: '1.05rem', columns: { xs: 1, sm: 2 }, m: 0, pl: 4, userSelect: 'all' }}
              >
                {recoveryCodes.map((c) => <li key={c}>{c}</li>)}
              </Box>
              <Button variant="contained" onClick={finish} sx={{ alignSelf: 'flex-start' }}>
                {translate('admin.mfa.saved_codes')}
              </Button>
            </>
          ) : enrolment ? (
            <>
              <Typography variant="body2">{translate('admin.mfa.scan')}</Typography>
              <Box component="img" src={enrolment.qr_code} alt={translate('admin.mfa.qr_alt')} sx={{ width: 200, height: 200, alignSelf: 'center', bgcolor: '#fff', borderRadius: 1 }} />
              <Typography variant="body2">{translate('admin.mfa.manual')}</Typography>
              <Typography data-testid="mfa-secret" sx={{ fontFamily: 'monospace', fontSize: '1.1rem', letterSpacing: 1, wordBreak: 'break-all', userSelect: 'all' }}>
                {grouped(enrolment.secret)}
              </Typography>
              <form onSubmit={confirm} noValidate>
                <Stack spacing={1.5}>
                  <TextField
                    label={translate('admin.mfa.code')}
                    value={code}
                    onChange={(e) => {
                      setCode(e.target.value);
                      setCodeError(null);
                    }}
                    error={codeError !== null}
                    helperText={codeError ? translate(codeError) : translate('admin.mfa.first_code_help')}
                    autoComplete="one-time-code"
                    slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }}
                    sx={{ maxWidth: 280 }}
                  />
                  <Button type="submit" variant="contained" disabled={busy || !code.trim()} sx={{ alignSelf: 'flex-start' }}>
                    {translate('admin.mfa.confirm')}
                  </Button>
                </Stack>
              </form>
            </>
          ) : (
            <>
              {identity?.mfa_enrolment_required && <Alert severity="warning">{translate('admin.mfa.required')}</Alert>}
              <Typography variant="body2">{translate('admin.mfa.intro')}</Typography>
              <Button variant="contained" onClick={start} disabled={busy} sx={{ alignSelf: 'flex-start' }}>{translate('admin.mfa.start')}</Button>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
