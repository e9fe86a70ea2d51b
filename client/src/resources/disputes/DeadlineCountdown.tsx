// Days and hours left to respond, counting to the end of the due day in UTC; red under 72 hours,
// "overdue" after.
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { countdown } from './deadline.ts';

export function DeadlineCountdown({ dueDate, now }: { dueDate: string; now: number }) {
  const translate = useTranslate();
  const c = countdown(dueDate, now);
  const text = c.overdue ? translate('app.dispute_work.overdue')
    : c.days > 0 ? translate('app.dispute_work.left_days', { days: c.days, hours: c.hours })
    : translate('app.dispute_work.left_hours', { hours: c.hours, minutes: c.minutes });
  return (
    <Box>
      <Typography
        variant="h6"
        component="p"
        color={c.urgent ? 'error.main' : 'text.primary'}
        data-testid="deadline-countdown"
        data-urgent={c.urgent}
        data-overdue={c.overdue}
        sx={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {text}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.dispute_work.due_by')} <DateTimeText value={dueDate} dateOnly /> {translate('app.dispute_work.end_of_day_utc')}
      </Typography>
    </Box>
  );
}
