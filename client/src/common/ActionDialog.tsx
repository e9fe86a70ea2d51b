// The confirmation dialog every action uses: what will happen, the inputs it needs, the server's
// message when it refuses, and Cancel / confirm. It cannot be closed while a request is under way,
// and Enter confirms (it is a form).
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface ActionDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  sending: boolean;
  error?: string;
  uncertain?: boolean;
  /** Something is missing or invalid: the confirm button stays disabled. */
  disabled?: boolean;
  danger?: boolean;
  testId?: string;
}

export function ActionDialog({
  open, onClose, title, children, confirmLabel, onConfirm, sending, error, uncertain, disabled, danger, testId,
}: ActionDialogProps) {
  const translate = useTranslate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!disabled && !sending) onConfirm();
  };
  return (
    <Dialog
      open={open}
      onClose={sending ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={testId ? `${testId}-title` : undefined}
      data-testid={testId}
      slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}
    >
      <DialogTitle id={testId ? `${testId}-title` : undefined}>{translate(title)}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {children}
        {error && (
          <Alert severity={uncertain ? 'warning' : 'error'} role="alert" data-testid="action-error">
            {error}
            {uncertain && <><br />{translate('app.action.retry_same')}</>}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={sending}>{translate('ra.action.cancel')}</Button>
        <Button
          type="submit"
          variant="contained"
          color={danger ? 'error' : 'primary'}
          disabled={disabled || sending}
          startIcon={sending ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {uncertain ? translate('app.action.retry') : translate(confirmLabel, { _: confirmLabel })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
