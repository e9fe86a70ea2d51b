import { Box } from '@mui/material';
import { DataTable, useCanAccess } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { MerchantField, MerchantName } from '../../common/RecordLinks.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { ListTabs, type ListTab } from '../../common/ListTabs.tsx';
import { PayoutSidebar, payoutFilters } from './payoutFilters.tsx';
import { PayoutStatusWithFlags } from './PayoutFlags.tsx';
import { OPEN_PAYOUT_STATUSES } from './payoutState.ts';

// The approval queue: everything awaiting a decision (first or second approval), oldest first.
export const PAYOUT_TABS: ListTab[] = [
  { id: 'all', label: 'app.payout.tab_all', filter: {}, sort: { field: 'created_at', order: 'DESC' } },
  { id: 'queue', label: 'app.payout.tab_queue', filter: { status: [...OPEN_PAYOUT_STATUSES] }, sort: { field: 'created_at', order: 'ASC' }, count: true },
];

/** The approval queue is approvers' work: other roles read payouts without it. */
function PayoutTabs() {
  const { canAccess } = useCanAccess({ resource: 'payouts', action: 'approve' });
  return canAccess ? <ListTabs tabs={PAYOUT_TABS} /> : null;
}

export default function PayoutList() {
  return (
    <ResourceList
      facets={['status']}
      filters={payoutFilters}
      sidebar={<PayoutSidebar />}
      tabs={<PayoutTabs />}
      hiddenColumns={['id', 'fee_amount', 'transaction_count']}
      mobile={{
        primary: () => (
          <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <MoneyField fontWeight={600} />
            <PayoutStatusWithFlags />
          </Box>
        ),
        secondary: (r) => <Muted>#{r.payout_number} · <MerchantName /></Muted>,
        tertiary: () => <DateTimeField source="created_at" />,
      }}
    >
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="payout_number" render={(r) => `#${r.payout_number}`} />
      <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
      <DataTable.Col source="net_amount" align="right"><MoneyField source="net_amount" /></DataTable.Col>
      <DataTable.Col source="status"><PayoutStatusWithFlags /></DataTable.Col>
      <DataTable.Col source="merchant_id"><MerchantField /></DataTable.Col>
      <DataTable.Col source="decided_at"><DateTimeField source="decided_at" /></DataTable.Col>
      <DataTable.Col source="fee_amount" align="right"><MoneyField source="fee_amount" /></DataTable.Col>
      <DataTable.Col source="transaction_count" align="right" disableSort />
      <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
    </ResourceList>
  );
}
