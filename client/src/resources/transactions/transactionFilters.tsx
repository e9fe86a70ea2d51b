import { TextInput } from 'react-admin';
import { LEDGER_SOURCE_TYPES, SETTLEMENT_STATUSES } from '../../../../shared/enums.ts';
import { CreatedFilterList, EnumFilterList } from '../../common/FilterSidebar.tsx';
import {
  amountRangeFilters, currencyFilter, dateRangeFilters, enumFilter, merchantFilter, searchFilter,
} from '../../common/filterInputs.tsx';

export const transactionFilters = [
  searchFilter(),
  enumFilter('source_type', 'source_type', LEDGER_SOURCE_TYPES),
  merchantFilter(),
  currencyFilter(),
  enumFilter('settlement_status', 'status', SETTLEMENT_STATUSES),
  ...dateRangeFilters(),
  ...amountRangeFilters('amount', { signed: true }),
  <TextInput key="source_id" source="source_id" />,
];

export function TransactionSidebar() {
  return (
    <>
      <EnumFilterList source="source_type" values={LEDGER_SOURCE_TYPES} name="source_type" label="resources.transactions.fields.source_type" />
      <EnumFilterList source="settlement_status" values={SETTLEMENT_STATUSES} label="resources.transactions.fields.settlement_status" />
      <CreatedFilterList />
    </>
  );
}
