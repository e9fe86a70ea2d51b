// "Change my password", for every role (POST /api/auth/password). The server checks the current
// password (throttled like a sign-in), applies the password policy, ends every other session of
// the account and gives this browser a fresh one; the page says so before and after.
import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form, Link, PasswordInput, required, SaveButton, Title, useGetIdentity, useNotify, useTranslate,
} from 'react-admin';
import { httpClient } from '../dataProvider.ts';
import { MIN_PASSWORD_LENGTH, passwordMessage, serverError } from '../common/serverErrors.ts';

interface PasswordForm {
  current_password: string;
  new_password: string;
  repeat_password: string;
}

/** Field errors for a refused change, or null when it is not about a field. */
export function changeErrors(error: unknown): Record<string, string> | null {
  const { status, message, errors } = serverError(error);
  if (status !== 400) return null;
  const out: Record<string, string> = {};
  if (errors.current_password) out.current_password = 'admin.account.incorrect';
  // The policy reports on `password`; "same as before" on `new_password`.
  if (errors.password) out.new_password = passwordMessage(errors.password, message);
  else if (errors.new_password) out.new_password = errors.new_password === 'unchanged' ? 'admin.account.unchanged' : errors.new_password;
  return Object.keys(out).length ? out : null;
}

const sameAsNew = (value: string, values: Partial<PasswordForm>) =>
  value && value !== values.new_password ? 'admin.account.mismatch' : undefined;

export default function ChangePasswordPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const [done, setDone] = useState(false);

  const submit = async (values: Record<string, unknown>): Promise<Record<string, string> | undefined> => {
    const { current_password, new_password } = values as unknown as PasswordForm;
    try {
      await httpClient('/api/auth/password', { method: 'POST', body: JSON.stringify({ current_password, new_password }) });
    } catch (error) {
      const fields = changeErrors(error);
      if (fields) return fields;
      const { status, message } = serverError(error);
      notify(status === 429 ? 'admin.account.throttled' : message, { type: 'error' });
      return;
    }
    setDone(true);
  };

  return (
    <Card sx={{ maxWidth: 560, mt: 2 }}>
      <Title title="admin.account.title" />
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1.5} alignItems="center">
            <LockResetIcon color="primary" />
            <Typography variant="h6" component="h1">{translate('admin.account.title')}</Typography>
          </Stack>
          {identity?.email && (
            <Typography variant="body2" color="text.secondary">{translate('admin.account.intro', { email: identity.email })}</Typography>
          )}
          {done ? (
            <>
              <Alert severity="success" data-testid="password-changed">{translate('admin.account.done')}</Alert>
              <Button component={Link} to="/" variant="outlined" sx={{ alignSelf: 'flex-start' }}>{translate('app.menu.dashboard')}</Button>
            </>
          ) : (
            <>
              <Alert severity="info">{translate('admin.account.sessions_note')}</Alert>
              <PasswordForm onSubmit={submit} />
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** The three password fields; the page swaps it for a confirmation once the change is made. */
function PasswordForm({ onSubmit }: { onSubmit: (values: Record<string, unknown>) => Promise<Record<string, string> | undefined> }) {
  return (
    <Form onSubmit={onSubmit} noValidate>
      <PasswordInput source="current_password" label="admin.account.current" autoComplete="current-password" validate={required()} fullWidth />
      <PasswordInput
        source="new_password"
        label="admin.account.new"
        autoComplete="new-password"
        helperText="admin.account.help"
        validate={[required(), (v: string) => (v && [...v].length < MIN_PASSWORD_LENGTH ? 'admin.password.too_short' : undefined)]}
        fullWidth
      />
      <PasswordInput source="repeat_password" label="admin.account.repeat" autoComplete="new-password" validate={[required(), sameAsNew]} fullWidth />
      <SaveButton label="admin.account.submit" icon={<LockResetIcon />} alwaysEnable sx={{ mt: 1 }} />
    </Form>
  );
}
