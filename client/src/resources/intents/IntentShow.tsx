// An intent, its merchant, and the payments and refunds made for it.
import { TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Columns, FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { MerchantField } from '../../common/RecordLinks.tsx';
import { RelatedPayments } from '../payments/RelatedPayments.tsx';
import { RelatedRefunds } from '../refunds/RelatedRefunds.tsx';

function Related() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <>
      <RelatedPayments title="resources.payments.name" filter={{ intent_id: record.id }} />
      <RelatedRefunds filter={{ intent_id: record.id }} />
    </>
  );
}

export default function IntentShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<MoneyField variant="h5" fontWeight={600} />} secondary={<TextField source="reference_id" />} />
      <Columns
        main={
          <>
            <Section title="app.show.details">
              <FieldGrid>
                <Item source="merchant_id"><MerchantField /></Item>
                <Item source="reference_id"><TextField source="reference_id" emptyText="—" /></Item>
                <Item source="description"><TextField source="description" emptyText="—" /></Item>
                <Item source="customer_email"><TextField source="customer_email" emptyText="—" /></Item>
                <Item source="capture_method"><EnumField source="capture_method" name="capture_method" /></Item>
                <Item source="cancellation_reason"><TextField source="cancellation_reason" emptyText="—" /></Item>
                <Item source="created_at"><DateTimeField source="created_at" /></Item>
                <Item source="updated_at"><DateTimeField source="updated_at" /></Item>
              </FieldGrid>
            </Section>
            <Related />
          </>
        }
        side={
          <Section title="app.show.amounts">
            <FieldGrid>
              <Item source="amount"><MoneyField /></Item>
              <Item source="amount_captured"><MoneyField source="amount_captured" /></Item>
              <Item source="amount_refunded"><MoneyField source="amount_refunded" /></Item>
              <Item source="amount_disputed"><MoneyField source="amount_disputed" /></Item>
            </FieldGrid>
          </Section>
        }
      />
    </ShowPage>
  );
}
