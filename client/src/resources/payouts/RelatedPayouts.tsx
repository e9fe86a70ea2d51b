// Payouts that belong to another record (a merchant, one of its balances).
import { DataTable, type RaRecord } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { RelatedList, type RelatedOf } from '../../common/RelatedList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';

const mobile = {
  primary: () => <AmountWithStatus />,
  secondary: (r: RaRecord) => <Muted>#{r.payout_number}</Muted>,
  tertiary: () => <DateTimeField source="created_at" />,
};

export function RelatedPayouts({ title = 'app.show.payouts', ...props }: RelatedOf) {
  return (
    <RelatedList title={title} reference="payouts" mobile={mobile} {...props}>
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="payout_number" render={(r) => `#${r.payout_number}`} />
      <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
      <DataTable.Col source="status"><StatusField /></DataTable.Col>
    </RelatedList>
  );
}
