// A plan's price in one sentence: "2.9 % + $0.30 per payment", "Interchange + 0.5 % + $0.10".
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatMoney } from '../../../../shared/currencies.ts';
import { formatBps } from '../../common/PercentField.tsx';
import { useIntlLocale } from '../../common/useIntlLocale.ts';

const KEY = { FLAT_RATE: 'flat', INTERCHANGE_PLUS: 'interchange', TIERED: 'tiered' } as Record<string, string>;

export function PlanPricing() {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = useIntlLocale();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`app.plan.${KEY[record.plan_type] ?? 'flat'}`, {
        rate: formatBps(record.percent_bps, locale),
        fixed: formatMoney(record.fixed_fee, record.currency, locale),
      })}
    </Typography>
  );
}
