import { CAPTURE_METHODS, INTENT_STATUSES } from '../../../../shared/enums.ts';
import { CreatedFilterList, EnumFilterList } from '../../common/FilterSidebar.tsx';
import {
  amountRangeFilters, currencyFilter, dateRangeFilters, enumFilter, merchantFilter, searchFilter, statusFilter,
} from '../../common/filterInputs.tsx';

export const intentFilters = [
  searchFilter(),
  statusFilter(INTENT_STATUSES),
  merchantFilter(),
  currencyFilter(),
  ...dateRangeFilters(),
  ...amountRangeFilters(),
  enumFilter('capture_method', 'capture_method', CAPTURE_METHODS),
];

export function IntentSidebar() {
  return (
    <>
      <EnumFilterList source="status" values={INTENT_STATUSES} />
      <CreatedFilterList />
      <EnumFilterList source="capture_method" values={CAPTURE_METHODS} name="capture_method" label="resources.intents.fields.capture_method" />
    </>
  );
}
