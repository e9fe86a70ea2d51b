import { AutocompleteInput, ReferenceInput, TextInput } from 'react-admin';
import { MERCHANT_STATUSES } from '../../../../shared/enums.ts';
import { CreatedFilterList, EnumFilterList } from '../../common/FilterSidebar.tsx';
import { currencyFilter, dateRangeFilters, searchFilter, statusFilter } from '../../common/filterInputs.tsx';

export const merchantFilters = [
  searchFilter(),
  statusFilter(MERCHANT_STATUSES),
  <ReferenceInput key="plan_id" source="plan_id" reference="plans">
    <AutocompleteInput filterToQuery={(q: string) => (q ? { q } : {})} />
  </ReferenceInput>,
  currencyFilter('default_currency'),
  <TextInput key="country" source="country" />,
  ...dateRangeFilters(),
];

export function MerchantSidebar() {
  return (
    <>
      <EnumFilterList source="status" values={MERCHANT_STATUSES} counts />
      <CreatedFilterList />
    </>
  );
}
