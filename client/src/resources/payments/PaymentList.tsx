import { DataTable, TextField } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { MerchantField, MerchantName } from '../../common/RecordLinks.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { CardField, cardText } from './CardField.tsx';
import { RefundedAmount } from './RefundedAmount.tsx';
import { PaymentSidebar, paymentFilters } from './paymentFilters.tsx';

export default function PaymentList() {
  return (
    <ResourceList
      live
      filters={paymentFilters}
      sidebar={<PaymentSidebar />}
      // The refunded amount is one click away (column chooser, payment page); the status already
      // says Refunded / Partially refunded, and the default columns must fit a laptop (issue #13).
      hiddenColumns={['amount_refunded', 'fee_amount', 'entry_mode', 'reference_id', 'settlement_status', 'decline_code']}
      mobile={{
        primary: () => <AmountWithStatus status="display_status" />,
        secondary: (r) => <Muted><MerchantName /> · {cardText(r)}</Muted>,
        tertiary: () => <DateTimeField source="created_at" />,
      }}
    >
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
      <DataTable.Col source="amount_refunded" align="right"><RefundedAmount /></DataTable.Col>
      {/* Refunded / Partially refunded / Disputed as people read them; sorts by the processing status. */}
      <DataTable.Col source="status" label="resources.payments.fields.display_status"><StatusField source="display_status" /></DataTable.Col>
      <DataTable.Col source="merchant_id"><MerchantField /></DataTable.Col>
      <DataTable.Col source="card_last4"><CardField /></DataTable.Col>
      <DataTable.Col source="customer_email"><TextField source="customer_email" /></DataTable.Col>
      <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
      <DataTable.Col source="fee_amount" align="right"><MoneyField source="fee_amount" /></DataTable.Col>
      <DataTable.Col source="entry_mode"><EnumField source="entry_mode" name="entry_mode" /></DataTable.Col>
      <DataTable.Col source="reference_id"><TextField source="reference_id" /></DataTable.Col>
      <DataTable.Col source="settlement_status"><StatusField source="settlement_status" /></DataTable.Col>
      <DataTable.Col source="decline_code" />
    </ResourceList>
  );
}
