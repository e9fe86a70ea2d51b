// Sorting by an amount orders the numbers as stored, in each currency's minor units, so ¥500 sits
// beside $5.00 and far from €500. No exchange rate is applied (every amount stays in its own
// currency): the list says so while it is sorted that way, and offers the fix — one currency.
import { Alert } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

const AMOUNT_FIELDS = new Set(['amount', 'net_amount', 'fee_amount', 'amount_refunded', 'available', 'pending']);

export function AmountSortNote() {
  const { sort, filterValues } = useListContext();
  const translate = useTranslate();
  const oneCurrency = typeof filterValues?.currency === 'string' && filterValues.currency !== '';
  if (!sort || !AMOUNT_FIELDS.has(sort.field) || oneCurrency) return null;
  return (
    <Alert severity="info" variant="outlined" data-testid="amount-sort-note" sx={{ my: 1, py: 0 }}>
      {translate('app.screens.sort.amount_across_currencies')}
    </Alert>
  );
}
