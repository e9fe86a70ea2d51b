// "Confirm it is you": the code dialog of a step-up (stepUp.ts). Mounted once in the layout; it
// opens when a request is refused with `step_up_required`, sends the code to
// POST /api/auth/step-up, and lets the waiting request go again once the server says 204.
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { onStepUpRequest, settleStepUp } from './stepUp.ts';

export function StepUpDialog() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => onStepUpRequest((pending) => {
    setOpen(pending);
    if (pending) {
      setCode('');
      setError(null);
    }
  }), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending || !code.trim()) return;
    setSending(true);
    try {
      const res = await fetch('/api/auth/step-up', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ otp: code.trim() }),
      });
      if (res.ok) {
        settleStepUp(true);
        return;
      }
      setError(res.status === 429 ? 'admin.mfa.throttled' : res.status === 401 ? 'admin.mfa.session_ended' : 'admin.mfa.invalid_code');
      setCode('');
    } catch {
      setError('app.action.unknown_outcome');
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open={open} onClose={() => settleStepUp(false)} aria-labelledby="step-up-title" maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id="step-up-title">
          <Stack direction="row" spacing={1} alignItems="center">
            <VerifiedUserIcon color="primary" />
            <span>{translate('admin.mfa.step_up_title')}</span>
          </Stack>
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2">{translate('admin.mfa.step_up_intro')}</Typography>
            {error && <Alert severity="error">{translate(error)}</Alert>}
            <TextField
              label={translate('admin.mfa.code')}
              helperText={translate('admin.mfa.code_help')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoFocus
              autoComplete="one-time-code"
              slotProps={{ htmlInput: { inputMode: 'text', maxLength: 64, spellCheck: false } }}
              fullWidth
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => settleStepUp(false)}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={sending || !code.trim()}>{translate('admin.mfa.verify')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
