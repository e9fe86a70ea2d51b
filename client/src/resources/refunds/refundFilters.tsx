import { REFUND_REASONS, REFUND_STATUSES } from '../../../../shared/enums.ts';
import { CreatedFilterList, EnumFilterList } from '../../common/FilterSidebar.tsx';
import {
  amountRangeFilters, currencyFilter, dateRangeFilters, enumFilter, merchantFilter, searchFilter, statusFilter,
} from '../../common/filterInputs.tsx';

export const refundFilters = [
  searchFilter(),
  statusFilter(REFUND_STATUSES),
  enumFilter('reason', 'refund_reason', REFUND_REASONS),
  merchantFilter(),
  currencyFilter(),
  ...dateRangeFilters(),
  ...amountRangeFilters(),
];

export function RefundSidebar() {
  return (
    <>
      <EnumFilterList source="status" values={REFUND_STATUSES} counts />
      <EnumFilterList source="reason" values={REFUND_REASONS} name="refund_reason" label="resources.refunds.fields.reason" counts />
      <CreatedFilterList />
    </>
  );
}
