import { TextInput } from 'react-admin';
import { ENTRY_MODES, PAYMENT_STATUSES, SETTLEMENT_STATUSES } from '../../../../shared/enums.ts';
import { AFTER_CAPTURE_STATUSES } from '../../../../shared/paymentDisplayStatus.ts';
import { EnumFilterList, CreatedFilterList } from '../../common/FilterSidebar.tsx';
import {
  amountRangeFilters, cardLast4Filter, currencyFilter, dateRangeFilters, enumFilter, merchantFilter, searchFilter, statusFilter,
} from '../../common/filterInputs.tsx';

export const paymentFilters = [
  searchFilter(),
  statusFilter(PAYMENT_STATUSES),
  enumFilter('display_status', 'status', AFTER_CAPTURE_STATUSES, 'app.filter.refunds_disputes'),
  merchantFilter(),
  currencyFilter(),
  ...dateRangeFilters(),
  ...amountRangeFilters(),
  enumFilter('entry_mode', 'entry_mode', ENTRY_MODES),
  enumFilter('settlement_status', 'status', SETTLEMENT_STATUSES),
  cardLast4Filter(),
  <TextInput key="decline_code" source="decline_code" />,
];

export function PaymentSidebar() {
  return (
    <>
      <EnumFilterList source="status" values={PAYMENT_STATUSES} />
      <EnumFilterList source="display_status" values={AFTER_CAPTURE_STATUSES} label="app.filter.refunds_disputes" />
      <CreatedFilterList />
      <EnumFilterList source="settlement_status" values={SETTLEMENT_STATUSES} label="resources.payments.fields.settlement_status" />
    </>
  );
}
