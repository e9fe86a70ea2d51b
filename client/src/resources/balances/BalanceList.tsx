import { DataTable } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { MerchantField, MerchantName } from '../../common/RecordLinks.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { BalanceSidebar, balanceFilters } from './balanceFilters.tsx';

export default function BalanceList() {
  return (
    <ResourceList
      filters={balanceFilters}
      sidebar={<BalanceSidebar />}
      sort={{ field: 'id', order: 'ASC' }}
      mobile={{
        primary: () => <MoneyField source="available" fontWeight={600} />,
        secondary: () => <Muted><MerchantName /></Muted>,
        tertiary: () => <MoneyField source="pending" />,
      }}
    >
      <DataTable.Col source="merchant_id"><MerchantField /></DataTable.Col>
      <DataTable.Col source="currency" />
      <DataTable.Col source="available" align="right"><MoneyField source="available" /></DataTable.Col>
      <DataTable.Col source="pending" align="right"><MoneyField source="pending" /></DataTable.Col>
      <DataTable.Col source="updated_at"><DateTimeField source="updated_at" /></DataTable.Col>
    </ResourceList>
  );
}
