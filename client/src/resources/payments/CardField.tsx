// "Visa •••• 4242": how people read a card back to a customer.
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** Card schemes as they spell themselves (shared/enums.ts CARD_BRANDS); any other capitalised. */
const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', elo: 'Elo', discover: 'Discover', jcb: 'JCB',
};

export function brandName(brand: string | null | undefined): string {
  if (!brand) return '';
  return BRAND_NAMES[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}

export function cardText(record: Record<string, unknown>) {
  if (!record.card_last4) return '';
  const brand = typeof record.card_brand === 'string' ? record.card_brand : null;
  return `${brandName(brand)} •••• ${String(record.card_last4)}`.trim();
}

export function CardField() {
  const record = useRecordContext();
  if (!record?.card_last4) return null;
  return <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>{cardText(record)}</Typography>;
}
