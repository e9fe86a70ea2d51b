// A response deadline with how far away it is, red once it has passed.
import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { localDay } from '../../common/filterInputs.tsx';

const DAY = 86_400_000;

export function daysUntil(date: string, today = localDay(new Date())): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
}

export function DueDate() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.response_due_date) return null;
  const open = record.status === 'needs_response';
  const days = daysUntil(record.response_due_date);
  const urgency = days < 0 ? 'error.main' : days <= 3 ? 'warning.main' : 'text.secondary';
  const text = days < 0 ? translate('app.show.overdue_days', { smart_count: -days })
    : days === 0 ? translate('app.show.due_today') : translate('app.show.due_in_days', { smart_count: days });
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column' }}>
      <DateTimeText value={record.response_due_date} dateOnly />
      {open && <Typography component="span" variant="caption" color={urgency} fontWeight={600}>{text}</Typography>}
    </Box>
  );
}
