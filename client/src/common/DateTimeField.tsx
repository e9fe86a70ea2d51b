// Times are stored in UTC and shown in the user's time zone and language; hovering shows the
// exact UTC time, which is what merchants' and banks' reports use.
import { Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime, utcText } from './formatDateTime.ts';
import { useIntlLocale } from './useIntlLocale.ts';

export function DateTimeText({ value, dateOnly }: { value: string | null | undefined; dateOnly?: boolean }) {
  const locale = useIntlLocale();
  const translate = useTranslate();
  if (!value) return <Typography component="span" variant="body2" color="text.secondary">—</Typography>;
  if (dateOnly) {
    // A calendar date ("2026-11-21") is the same day everywhere: format it without shifting zones.
    const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
    return <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>{text}</Typography>;
  }
  const text = formatDateTime(value, locale);
  return (
    <Tooltip title={translate('app.field.utc', { time: utcText(value) })} enterDelay={300}>
      <Typography component="time" dateTime={value} variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {text}
      </Typography>
    </Tooltip>
  );
}

export function DateTimeField({ source, dateOnly }: { source: string; dateOnly?: boolean }) {
  const record = useRecordContext();
  return <DateTimeText value={record?.[source]} dateOnly={dateOnly} />;
}
