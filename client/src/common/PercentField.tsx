// Rates stored in basis points (290 = 2.9 %), shown as a percentage in the user's language.
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useIntlLocale } from './useIntlLocale.ts';

export function formatBps(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(bps / 10_000);
}

export function BpsField({ source }: { source: string }) {
  const record = useRecordContext();
  const locale = useIntlLocale();
  if (record?.[source] === null || record?.[source] === undefined) return null;
  return <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>{formatBps(Number(record[source]), locale)}</Typography>;
}
