import { Button, Link, TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { LedgerSourceField, MerchantField } from '../../common/RecordLinks.tsx';
import { StatusField } from '../../common/StatusChip.tsx';

function BalanceLink() {
  const record = useRecordContext();
  if (!record) return null;
  const id = `${record.merchant_id}:${record.currency}`;
  return <Button component={Link} to={`/balances/${encodeURIComponent(id)}/show`} label="resources.balances.name" size="small" />;
}

export default function TransactionShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<MoneyField signed variant="h5" fontWeight={600} />} status="settlement_status" actions={<BalanceLink />} />
      <Section title="app.show.details">
        <FieldGrid>
          <Item source="merchant_id"><MerchantField /></Item>
          <Item source="source_type"><EnumField source="source_type" name="source_type" /></Item>
          <Item source="source_id"><LedgerSourceField /></Item>
          <Item source="description"><TextField source="description" emptyText="—" /></Item>
          <Item source="currency"><TextField source="currency" /></Item>
          <Item source="settlement_status"><StatusField source="settlement_status" /></Item>
          <Item source="created_at"><DateTimeField source="created_at" /></Item>
          <Item source="settled_at"><DateTimeField source="settled_at" /></Item>
        </FieldGrid>
      </Section>
    </ShowPage>
  );
}
