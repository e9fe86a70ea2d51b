// "13.1 · Merchandise or services not received", in the user's language.
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** `compact` keeps table rows on one line: the text is cut, the whole reason is on hover. */
export function DisputeReason({ compact }: { compact?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.reason_code) return null;
  const text = `${record.reason_code} · ${translate(`app.dispute_reason.${record.reason_code}`, { _: record.reason ?? '' })}`;
  return (
    <Typography
      component="span"
      variant="body2"
      title={compact ? text : undefined}
      sx={compact ? { display: 'block', maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } : undefined}
    >
      {text}
    </Typography>
  );
}
