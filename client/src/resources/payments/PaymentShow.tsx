// A payment and everything it links to: its intent and merchant, refunds, disputes, ledger
// entries and timeline; a failed one says why in plain language.
import { TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Columns, FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { IdLinkField, MerchantField } from '../../common/RecordLinks.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { CardField, cardText } from './CardField.tsx';
import { DeclineSection } from './DeclineSection.tsx';
import { PaymentActions } from './PaymentActions.tsx';
import { PaymentLedger } from './PaymentLedger.tsx';
import { PaymentTimeline } from './PaymentTimeline.tsx';
import { RelatedRefunds } from '../refunds/RelatedRefunds.tsx';
import { RelatedDisputes } from '../disputes/RelatedDisputes.tsx';

function Subtitle() {
  const record = useRecordContext();
  if (!record) return null;
  return <>{[cardText(record), record.customer_email].filter(Boolean).join(' · ')}</>;
}

function Related() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <>
      <RelatedRefunds filter={{ payment_id: record.id }} />
      <RelatedDisputes filter={{ payment_id: record.id }} />
      <PaymentLedger />
    </>
  );
}

export default function PaymentShow() {
  return (
    <ShowPage>
      <RecordHeader
        primary={<MoneyField variant="h5" fontWeight={600} />}
        status="display_status"
        secondary={<Subtitle />}
        actions={<PaymentActions />}
      />
      <DeclineSection />
      <Columns
        main={
          <>
            <Section title="app.show.details">
              <FieldGrid>
                <Item source="merchant_id"><MerchantField /></Item>
                <Item source="intent_id"><IdLinkField source="intent_id" reference="intents" /></Item>
                <Item source="reference_id"><TextField source="reference_id" emptyText="—" /></Item>
                <Item source="customer_email"><TextField source="customer_email" emptyText="—" /></Item>
                <Item source="card_last4"><CardField /></Item>
                <Item source="entry_mode"><EnumField source="entry_mode" name="entry_mode" /></Item>
                <Item source="auth_code"><TextField source="auth_code" emptyText="—" /></Item>
                <Item source="created_at"><DateTimeField source="created_at" /></Item>
                <Item source="captured_at"><DateTimeField source="captured_at" /></Item>
                <Item source="settlement_status"><StatusField source="settlement_status" /></Item>
                <Item source="settled_at"><DateTimeField source="settled_at" /></Item>
              </FieldGrid>
            </Section>
            <Section title="app.show.amounts">
              <FieldGrid>
                <Item source="amount"><MoneyField /></Item>
                <Item source="fee_amount"><MoneyField source="fee_amount" /></Item>
                <Item source="net_amount"><MoneyField source="net_amount" /></Item>
                <Item source="amount_refunded"><MoneyField source="amount_refunded" /></Item>
              </FieldGrid>
            </Section>
            <Related />
          </>
        }
        side={<PaymentTimeline />}
      />
    </ShowPage>
  );
}
