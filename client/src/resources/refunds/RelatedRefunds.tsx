// Refunds that belong to another record (a payment, an intent, a merchant's payout under review).
import { DataTable, type RaRecord } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { EnumText } from '../../common/EnumText.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { RelatedList, type RelatedOf } from '../../common/RelatedList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';

const mobile = {
  primary: () => <AmountWithStatus />,
  secondary: (r: RaRecord) => <Muted><EnumText name="refund_reason" value={r.reason} /></Muted>,
  tertiary: () => <DateTimeField source="created_at" />,
};

export function RelatedRefunds({ title = 'app.show.refunds', ...props }: RelatedOf) {
  return (
    <RelatedList title={title} reference="refunds" mobile={mobile} {...props}>
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
      <DataTable.Col source="status"><StatusField /></DataTable.Col>
      <DataTable.Col source="reason"><EnumField source="reason" name="refund_reason" /></DataTable.Col>
    </RelatedList>
  );
}
