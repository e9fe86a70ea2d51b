// A response deadline with how far away it is, red once it has passed. Days are counted on the
// UTC calendar (shared/days.ts), as the countdown and the server's submit rule count them: in
// the evening of the due day west of UTC, every screen already says "overdue", as the server does.
import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { daysUntil } from '../../../../shared/days.ts';
import { DateTimeText } from '../../common/DateTimeField.tsx';

export function DueDate() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.response_due_date) return null;
  const open = record.status === 'needs_response';
  const days = daysUntil(record.response_due_date, Date.now());
  const urgency = days < 0 ? 'error.main' : days <= 3 ? 'warning.main' : 'text.secondary';
  const text = days < 0 ? translate('app.show.overdue_days', { smart_count: -days })
    : days === 0 ? translate('app.show.due_today') : translate('app.show.due_in_days', { smart_count: days });
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column' }}>
      <DateTimeText value={record.response_due_date} dateOnly />
      {open && <Typography component="span" variant="caption" color={urgency} fontWeight={600} data-testid="due-date-status">{text}</Typography>}
    </Box>
  );
}
