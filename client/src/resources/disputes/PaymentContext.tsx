// The disputed payment as support needs it on one screen: amount, card, customer email, when it
// was captured, and links to the payment, its intent and the merchant.
import { Box, Typography } from '@mui/material';
import { RecordContextProvider, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, Section } from '../../common/DetailLayout.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { IdLinkField, MerchantField } from '../../common/RecordLinks.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { CardField } from '../payments/CardField.tsx';

export function PaymentContext() {
  const dispute = useRecordContext();
  const translate = useTranslate();
  const { data: payment } = useGetOne('payments', { id: dispute?.payment_id }, { enabled: !!dispute?.payment_id });
  if (!dispute) return null;
  return (
    <Section title="app.dispute_work.payment_context" testId="dispute-payment">
      {payment ? (
        <RecordContextProvider value={payment}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5, flexWrap: 'wrap' }}>
            <MoneyField variant="h6" fontWeight={600} />
            <StatusField />
          </Box>
          <FieldGrid>
            <Item label="resources.payments.fields.card_last4"><CardField /></Item>
            <Item label="resources.payments.fields.customer_email">
              <Typography component="span" variant="body2" sx={{ overflowWrap: 'anywhere' }}>{payment.customer_email ?? '—'}</Typography>
            </Item>
            <Item label="resources.payments.fields.captured_at"><DateTimeField source="captured_at" /></Item>
            <Item label="resources.payments.fields.amount_refunded"><MoneyField source="amount_refunded" /></Item>
            <Item label="resources.disputes.fields.payment_id"><IdLinkField source="id" reference="payments" /></Item>
            <Item label="resources.payments.fields.intent_id"><IdLinkField source="intent_id" reference="intents" /></Item>
            <Item label="resources.payments.fields.merchant_id"><MerchantField /></Item>
          </FieldGrid>
        </RecordContextProvider>
      ) : (
        <Typography variant="body2" color="text.secondary">{translate('ra.page.loading')}</Typography>
      )}
    </Section>
  );
}
