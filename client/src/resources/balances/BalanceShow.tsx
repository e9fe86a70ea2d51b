// A merchant's balance in one currency: what is available and pending, the ledger entries that
// make it up, and the payouts drawn from it.
import { TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { MerchantField } from '../../common/RecordLinks.tsx';
import { RelatedPayouts } from '../payouts/RelatedPayouts.tsx';
import { RelatedLedger } from '../transactions/RelatedLedger.tsx';

function Related() {
  const record = useRecordContext();
  if (!record) return null;
  const filter = { merchant_id: record.merchant_id, currency: record.currency };
  return (
    <>
      <RelatedLedger filter={filter} perPage={10} />
      <RelatedPayouts filter={filter} />
    </>
  );
}

export default function BalanceShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<MoneyField source="available" variant="h5" fontWeight={600} />} secondary={<MerchantField />} status={false} />
      <Section title="app.show.details">
        <FieldGrid>
          <Item source="merchant_id"><MerchantField /></Item>
          <Item source="currency"><TextField source="currency" /></Item>
          <Item source="available"><MoneyField source="available" /></Item>
          <Item source="pending"><MoneyField source="pending" /></Item>
          <Item source="updated_at"><DateTimeField source="updated_at" /></Item>
        </FieldGrid>
      </Section>
      <Related />
    </ShowPage>
  );
}
