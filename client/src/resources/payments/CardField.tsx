// "visa •••• 4242": how people read a card back to a customer.
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

export function cardText(record: Record<string, any>) {
  if (!record.card_last4) return '';
  const brand = record.card_brand ? record.card_brand.charAt(0).toUpperCase() + record.card_brand.slice(1) : '';
  return `${brand} •••• ${record.card_last4}`.trim();
}

export function CardField() {
  const record = useRecordContext();
  if (!record?.card_last4) return null;
  return <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>{cardText(record)}</Typography>;
}
