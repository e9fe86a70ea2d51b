// Payments that belong to another record (an intent, a merchant), as every detail view lists them.
import { DataTable, type RaRecord } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { RelatedList, type RelatedOf } from '../../common/RelatedList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { CardField, cardText } from './CardField.tsx';

const mobile = {
  primary: () => <AmountWithStatus status="display_status" />,
  secondary: (r: RaRecord) => <Muted>{[cardText(r), r.customer_email].filter(Boolean).join(' · ')}</Muted>,
  tertiary: () => <DateTimeField source="created_at" />,
};

export function RelatedPayments({ title = 'app.show.payments', ...props }: RelatedOf) {
  return (
    <RelatedList title={title} reference="payments" mobile={mobile} {...props}>
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
      <DataTable.Col source="status" label="resources.payments.fields.display_status"><StatusField source="display_status" /></DataTable.Col>
      <DataTable.Col source="card_last4"><CardField /></DataTable.Col>
      <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
    </RelatedList>
  );
}
