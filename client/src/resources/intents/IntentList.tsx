import { DataTable, TextField } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { MerchantField, MerchantName } from '../../common/RecordLinks.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { IntentSidebar, intentFilters } from './intentFilters.tsx';

export default function IntentList() {
  return (
    <ResourceList
      live
      filters={intentFilters}
      sidebar={<IntentSidebar />}
      hiddenColumns={['capture_method', 'amount_refunded', 'id']}
      mobile={{
        primary: () => <AmountWithStatus />,
        secondary: (r) => <Muted>{r.reference_id} · <MerchantName /></Muted>,
        tertiary: () => <DateTimeField source="created_at" />,
      }}
    >
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="reference_id"><TextField source="reference_id" /></DataTable.Col>
      <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
      <DataTable.Col source="status"><StatusField /></DataTable.Col>
      <DataTable.Col source="merchant_id"><MerchantField /></DataTable.Col>
      <DataTable.Col source="customer_email"><TextField source="customer_email" /></DataTable.Col>
      <DataTable.Col source="capture_method"><EnumField source="capture_method" name="capture_method" /></DataTable.Col>
      <DataTable.Col source="amount_refunded" align="right"><MoneyField source="amount_refunded" /></DataTable.Col>
      <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
    </ResourceList>
  );
}
