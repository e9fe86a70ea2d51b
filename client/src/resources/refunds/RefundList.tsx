import { DataTable } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { EnumText } from '../../common/EnumText.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { IdLinkField, MerchantField, MerchantName } from '../../common/RecordLinks.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { RefundSidebar, refundFilters } from './refundFilters.tsx';

export default function RefundList() {
  return (
    <ResourceList
      facets={['status', 'reason']}
      filters={refundFilters}
      sidebar={<RefundSidebar />}
      hiddenColumns={['id']}
      mobile={{
        primary: () => <AmountWithStatus />,
        secondary: (r) => <Muted><EnumText name="refund_reason" value={r.reason} /> · <MerchantName /></Muted>,
        tertiary: () => <DateTimeField source="created_at" />,
      }}
    >
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
      <DataTable.Col source="status"><StatusField /></DataTable.Col>
      <DataTable.Col source="reason"><EnumField source="reason" name="refund_reason" /></DataTable.Col>
      <DataTable.Col source="merchant_id"><MerchantField /></DataTable.Col>
      <DataTable.Col source="payment_id"><IdLinkField source="payment_id" reference="payments" /></DataTable.Col>
      <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
    </ResourceList>
  );
}
