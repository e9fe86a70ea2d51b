// A merchant's balance in one currency: what is available and pending, the ledger entries that
// make it up, and the payouts drawn from it.
import { DataTable, TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { MerchantField } from '../../common/RecordLinks.tsx';
import { RelatedList } from '../../common/RelatedList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { ledgerColumns, ledgerMobile } from '../transactions/ledgerColumns.tsx';

function Related() {
  const record = useRecordContext();
  if (!record) return null;
  const filter = { merchant_id: record.merchant_id, currency: record.currency };
  return (
    <>
      <RelatedList title="app.show.ledger" reference="transactions" filter={filter} perPage={10} mobile={ledgerMobile}>
        {ledgerColumns()}
      </RelatedList>
      <RelatedList
        title="app.show.payouts"
        reference="payouts"
        filter={filter}
        mobile={{ primary: () => <AmountWithStatus />, secondary: (r) => <Muted>#{r.payout_number}</Muted>, tertiary: () => <DateTimeField source="created_at" /> }}
      >
        <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
        <DataTable.Col source="payout_number" render={(r) => `#${r.payout_number}`} />
        <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
        <DataTable.Col source="status"><StatusField /></DataTable.Col>
      </RelatedList>
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
