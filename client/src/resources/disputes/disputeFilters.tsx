import EventOutlinedIcon from '@mui/icons-material/EventOutlined';
import PersonOutlineIcon from '@mui/icons-material/PersonOutline';
import { FilterList, FilterListItem, useGetIdentity } from 'react-admin';
import { utcDay } from '../../../../shared/days.ts';
import { DISPUTE_STATUSES } from '../../../../shared/enums.ts';
import { workLists } from '../../../../shared/workLists.ts';
import { EnumFilterList } from '../../common/FilterSidebar.tsx';
import {
  amountRangeFilters, calendarRangeFilters, currencyFilter, dateRangeFilters, merchantFilter, searchFilter,
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

/**
 * Deadlines first: what support works through each morning. The same lists as the home page's
 * (shared/workLists.ts), on UTC days like every due date: due within 72 h (overdue ones
 * included), and overdue.
 */
function DueFilterList() {
  const clear = { response_due_date_gte: undefined, response_due_date_lte: undefined, response_due_date_lt: undefined };
  const lists = workLists(utcDay(Date.now()));
  return (
    <FilterList label="resources.disputes.fields.response_due_date" icon={<EventOutlinedIcon />}>
      <FilterListItem label="app.filter.due_72h" value={{ ...clear, ...lists.disputes_due_soon.filter }} />
      <FilterListItem label="app.filter.overdue" value={{ ...clear, ...lists.disputes_overdue.filter }} />
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
