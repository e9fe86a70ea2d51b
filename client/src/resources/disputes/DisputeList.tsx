import { DataTable, useCanAccess, useGetIdentity } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { IdLinkField, MerchantField, MerchantName } from '../../common/RecordLinks.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { ListTabs, type ListTab } from '../../common/ListTabs.tsx';
import { AssigneeField } from './AssigneeField.tsx';
import { DisputeReason } from './DisputeReason.tsx';
import { DisputeSidebar, disputeFilters } from './disputeFilters.tsx';
import { DueDate } from './DueDate.tsx';

/** "My disputes": what the signed-in agent has to answer, soonest due first. */
function DisputeTabs() {
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'disputes', action: 'assign' });
  if (!identity || !canAccess) return null;
  const tabs: ListTab[] = [
    { id: 'all', label: 'app.dispute_work.tab_all', filter: {}, sort: { field: 'created_at', order: 'DESC' } },
    {
      id: 'mine', label: 'app.dispute_work.tab_mine', filter: { assignee_id: identity.id, status: 'needs_response' },
      sort: { field: 'response_due_date', order: 'ASC' }, count: true,
    },
  ];
  return <ListTabs tabs={tabs} />;
}

export default function DisputeList() {
  return (
    <ResourceList
      facets={['status']}
      filters={disputeFilters}
      sidebar={<DisputeSidebar />}
      tabs={<DisputeTabs />}
      hiddenColumns={['id', 'payment_id']}
      mobile={{
        primary: () => <AmountWithStatus />,
        secondary: () => <Muted><MerchantName /> · <DisputeReason /></Muted>,
        tertiary: () => <DueDate />,
      }}
    >
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
      <DataTable.Col source="status"><StatusField /></DataTable.Col>
      <DataTable.Col source="reason_code"><DisputeReason compact /></DataTable.Col>
      <DataTable.Col source="merchant_id"><MerchantField /></DataTable.Col>
      <DataTable.Col source="response_due_date"><DueDate /></DataTable.Col>
      <DataTable.Col source="assignee_id"><AssigneeField /></DataTable.Col>
      <DataTable.Col source="payment_id"><IdLinkField source="payment_id" reference="payments" /></DataTable.Col>
      <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
    </ResourceList>
  );
}
