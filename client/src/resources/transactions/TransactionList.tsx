import { DataTable, TextField } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { MerchantField } from '../../common/RecordLinks.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { ledgerColumns, ledgerMobile } from './ledgerColumns.tsx';
import { TransactionSidebar, transactionFilters } from './transactionFilters.tsx';

export default function TransactionList() {
  return (
    <ResourceList filters={transactionFilters} sidebar={<TransactionSidebar />} mobile={ledgerMobile} hiddenColumns={['id', 'description']}>
      {ledgerColumns()}
      <DataTable.Col source="merchant_id"><MerchantField /></DataTable.Col>
      <DataTable.Col source="description" disableSort><TextField source="description" /></DataTable.Col>
      <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
    </ResourceList>
  );
}
