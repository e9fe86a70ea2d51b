// A refund, the payment and intent it returns money from, and its ledger entry.
import { TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { IdLinkField, MerchantField, UserField } from '../../common/RecordLinks.tsx';
import { RelatedLedger } from '../transactions/RelatedLedger.tsx';

function Ledger() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedLedger filter={{ source_id: record.id }} />
  );
}

export default function RefundShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<MoneyField variant="h5" fontWeight={600} />} secondary={<EnumField source="reason" name="refund_reason" />} />
      <Section title="app.show.details">
        <FieldGrid>
          <Item source="payment_id"><IdLinkField source="payment_id" reference="payments" /></Item>
          <Item source="intent_id"><IdLinkField source="intent_id" reference="intents" /></Item>
          <Item source="merchant_id"><MerchantField /></Item>
          <Item source="reason"><EnumField source="reason" name="refund_reason" /></Item>
          <Item source="note"><TextField source="note" emptyText="—" /></Item>
          <Item source="created_by"><UserField source="created_by" /></Item>
          <Item source="created_at"><DateTimeField source="created_at" /></Item>
        </FieldGrid>
      </Section>
      <Ledger />
    </ShowPage>
  );
}
