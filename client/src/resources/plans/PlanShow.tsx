// A processing plan, its pricing in words, and the merchants on it.
import { DataTable, TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { BpsField } from '../../common/PercentField.tsx';
import { RelatedList } from '../../common/RelatedList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { PlanPricing } from './PlanPricing.tsx';

function Merchants() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedList
      title="app.show.merchants"
      reference="merchants"
      filter={{ plan_id: record.id }}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={10}
      mobile={{ primary: (r) => r.name, secondary: (r) => <Muted>{r.email}</Muted>, tertiary: () => <StatusField /> }}
    >
      <DataTable.Col source="name" />
      <DataTable.Col source="country" />
      <DataTable.Col source="default_currency" />
      <DataTable.Col source="status"><StatusField /></DataTable.Col>
    </RelatedList>
  );
}

export default function PlanShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<TextField source="name" variant="h5" />} secondary={<PlanPricing />} status={false} />
      <Section title="app.show.pricing">
        <FieldGrid>
          <Item source="plan_type"><EnumField source="plan_type" name="plan_type" /></Item>
          <Item source="percent_bps"><BpsField source="percent_bps" /></Item>
          <Item source="fixed_fee"><MoneyField source="fixed_fee" /></Item>
          <Item source="currency"><TextField source="currency" /></Item>
          <Item source="created_at"><DateTimeField source="created_at" /></Item>
        </FieldGrid>
      </Section>
      <Merchants />
    </ShowPage>
  );
}
