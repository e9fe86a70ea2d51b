// Disputes that belong to another record (a payment, a merchant), with their reason and deadline.
import { DataTable } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { RelatedList, type RelatedOf } from '../../common/RelatedList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { DisputeReason } from './DisputeReason.tsx';
import { DueDate } from './DueDate.tsx';

const mobile = {
  primary: () => <AmountWithStatus />,
  secondary: () => <Muted><DisputeReason /></Muted>,
  tertiary: () => <DueDate />,
};

export function RelatedDisputes({ title = 'app.show.disputes', ...props }: RelatedOf) {
  return (
    <RelatedList title={title} reference="disputes" mobile={mobile} {...props}>
      <DataTable.Col source="dispute_date"><DateTimeField source="dispute_date" dateOnly /></DataTable.Col>
      <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
      <DataTable.Col source="status"><StatusField /></DataTable.Col>
      <DataTable.Col source="reason_code"><DisputeReason compact /></DataTable.Col>
      <DataTable.Col source="response_due_date"><DueDate /></DataTable.Col>
    </RelatedList>
  );
}
