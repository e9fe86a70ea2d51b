// Money is integer minor units plus a currency; it is shown with that currency's exponent
// (JPY has no decimals, BHD three) in the user's language, with tabular digits so columns align.
import { Typography, type TypographyProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatMoney } from '../../../shared/currencies.ts';
import { useIntlLocale } from './useIntlLocale.ts';

interface MoneyTextProps {
  amount: number | null | undefined;
  currency: string | null | undefined;
  /** Colour negative amounts (ledger debits) and prefix positive ones with "+". */
  signed?: boolean;
  variant?: TypographyProps['variant'];
  fontWeight?: number;
}

export function MoneyText({ amount, currency, signed, variant = 'body2', fontWeight }: MoneyTextProps) {
  const locale = useIntlLocale();
  if (amount === null || amount === undefined || !currency) {
    return <Typography component="span" variant={variant} color="text.secondary">—</Typography>;
  }
  const n = Number(amount);
  const text = formatMoney(n, currency, locale);
  return (
    <Typography
      component="span"
      variant={variant}
      fontWeight={fontWeight}
      color={signed && n < 0 ? 'error.main' : undefined}
      sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {signed && n > 0 ? `+${text}` : text}
    </Typography>
  );
}

export interface MoneyFieldProps {
  source?: string;
  currencySource?: string;
  signed?: boolean;
  variant?: TypographyProps['variant'];
  fontWeight?: number;
}

/** A record's amount field; reads the currency from the same record. */
export function MoneyField({ source = 'amount', currencySource = 'currency', ...rest }: MoneyFieldProps) {
  const record = useRecordContext();
  if (!record) return null;
  return <MoneyText amount={record[source]} currency={record[currencySource]} {...rest} />;
}
