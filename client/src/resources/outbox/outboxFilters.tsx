import { OUTBOX_STATUSES } from '../../../../shared/enums.ts';
import { CreatedFilterList, EnumFilterList } from '../../common/FilterSidebar.tsx';
import { dateRangeFilters, searchFilter, statusFilter } from '../../common/filterInputs.tsx';

export const outboxFilters = [searchFilter(), statusFilter(OUTBOX_STATUSES), ...dateRangeFilters()];

export function OutboxSidebar() {
  return (
    <>
      <EnumFilterList source="status" values={OUTBOX_STATUSES} counts />
      <CreatedFilterList />
    </>
  );
}
