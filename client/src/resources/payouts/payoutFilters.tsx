import { SelectArrayInput } from 'react-admin';
import { PAYOUT_STATUSES } from '../../../../shared/enums.ts';
import { enumChoices } from '../../common/EnumField.tsx';
import { CreatedFilterList, EnumFilterList } from '../../common/FilterSidebar.tsx';
import {
  amountRangeFilters, currencyFilter, dateRangeFilters, merchantFilter, searchFilter,
} from '../../common/filterInputs.tsx';

// Several statuses at once: the approval queue is "pending or pending_second_approval". One
// status (from the sidebar) stays a plain value, several an array (the API's IN).
const statusesFilter = (
  <SelectArrayInput
    key="status"
    source="status"
    label="app.filter.status"
    choices={enumChoices('status', PAYOUT_STATUSES)}
    format={(v: string | string[] | null | undefined) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v])}
    parse={(v: string[]) => (v.length === 0 ? undefined : v.length === 1 ? v[0] : v)}
    sx={{ minWidth: 200 }}
  />
);

export const payoutFilters = [
  searchFilter(),
  statusesFilter,
  merchantFilter(),
  currencyFilter(),
  ...dateRangeFilters(),
  ...amountRangeFilters(),
];

export function PayoutSidebar() {
  return (
    <>
      <EnumFilterList source="status" values={PAYOUT_STATUSES} counts />
      <CreatedFilterList />
    </>
  );
}
