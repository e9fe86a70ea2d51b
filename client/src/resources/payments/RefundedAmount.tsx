// The refunded part of a payment in the list: the amount when something was refunded, a quiet
// dash when nothing was (in the secondary text colour, which keeps WCAG AA contrast).
import { useRecordContext } from 'react-admin';
import { MoneyField, MoneyText } from '../../common/MoneyField.tsx';

export function RefundedAmount() {
  const record = useRecordContext();
  if (!record) return null;
  if (!Number(record.amount_refunded)) return <MoneyText amount={null} currency={null} />;
  return <MoneyField source="amount_refunded" />;
}
