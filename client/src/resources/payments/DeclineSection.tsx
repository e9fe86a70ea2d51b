// Why a payment failed, in plain language: the processor's decline code (shared/declineCodes.ts) with its meaning and
// what the customer can do about it.
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import { Alert, AlertTitle, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export function DeclineSection() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || record.status !== 'failed' || !record.decline_code) return null;
  const code = String(record.decline_code);
  return (
    <Alert severity="error" icon={<ErrorOutlineIcon />} data-testid="decline-reason" variant="outlined">
      <AlertTitle>
        {translate('app.show.decline')}: {code} — {translate(`app.decline.${code}`, { _: record.decline_reason ?? code })}
      </AlertTitle>
      <Typography variant="body2">{translate(`app.decline_help.${code}`, { _: record.decline_reason ?? '' })}</Typography>
    </Alert>
  );
}
