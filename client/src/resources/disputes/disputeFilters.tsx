import EventOutlinedIcon from '@mui/icons-material/EventOutlined';
import PersonOutlineIcon from '@mui/icons-material/PersonOutline';
import { FilterList, FilterListItem, useGetIdentity } from 'react-admin';
import { DISPUTE_STATUSES } from '../../../../shared/enums.ts';
import { EnumFilterList } from '../../common/FilterSidebar.tsx';
import {
  amountRangeFilters, calendarRangeFilters, currencyFilter, dateRangeFilters, localDay, merchantFilter, searchFilter,
  statusFilter,
} from '../../common/filterInputs.tsx';

export const disputeFilters = [
  searchFilter(),
  statusFilter(DISPUTE_STATUSES),
  merchantFilter(),
  currencyFilter(),
  ...calendarRangeFilters('response_due_date', { from: 'app.filter.due_from', to: 'app.filter.due_to' }),
  ...dateRangeFilters(),
  ...amountRangeFilters(),
];

const addDays = (n: number) => {
  const d = new Date();
  return localDay(new Date(d.getFullYear(), d.getMonth(), d.getDate() + n));
};

/** Deadlines first: what support works through each morning. */
function DueFilterList() {
  const clear = { response_due_date_gte: undefined, response_due_date_lte: undefined, response_due_date_lt: undefined };
  return (
    <FilterList label="resources.disputes.fields.response_due_date" icon={<EventOutlinedIcon />}>
      <FilterListItem label="app.filter.due_72h" value={{ ...clear, status: 'needs_response', response_due_date_gte: addDays(0), response_due_date_lte: addDays(3) }} />
      <FilterListItem label="app.filter.overdue" value={{ ...clear, status: 'needs_response', response_due_date_lt: addDays(0) }} />
    </FilterList>
  );
}

function AssigneeFilterList() {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  return (
    <FilterList label="resources.disputes.fields.assignee_id" icon={<PersonOutlineIcon />}>
      <FilterListItem label="app.filter.assigned_to_me" value={{ assignee_id: identity.id }} />
    </FilterList>
  );
}

export function DisputeSidebar() {
  return (
    <>
      <EnumFilterList source="status" values={DISPUTE_STATUSES} counts />
      <DueFilterList />
      <AssigneeFilterList />
    </>
  );
}
