// Ledger entry columns, shared by the ledger list and every "ledger entries" section (payment,
// payout, balance), so an entry reads the same everywhere.
import { DataTable, type RaRecord } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { EnumText } from '../../common/EnumText.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { LedgerSourceField } from '../../common/RecordLinks.tsx';
import { StatusField } from '../../common/StatusChip.tsx';

export const ledgerColumns = () => [
  <DataTable.Col key="created_at" source="created_at"><DateTimeField source="created_at" /></DataTable.Col>,
  <DataTable.Col key="source_type" source="source_type"><EnumField source="source_type" name="source_type" /></DataTable.Col>,
  <DataTable.Col key="amount" source="amount" align="right"><MoneyField signed /></DataTable.Col>,
  <DataTable.Col key="source_id" source="source_id"><LedgerSourceField /></DataTable.Col>,
  <DataTable.Col key="settlement_status" source="settlement_status"><StatusField source="settlement_status" /></DataTable.Col>,
];

export const ledgerMobile = {
  primary: () => <MoneyField signed fontWeight={600} />,
  secondary: (r: RaRecord) => <Muted><EnumText name="source_type" value={r.source_type} /> · {r.description}</Muted>,
  tertiary: () => <DateTimeField source="created_at" />,
};
