// Deliveries to the processor (the outbox): admins find the failed ones and retry them.
import { DataTable, TextField } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { OutboxSidebar, outboxFilters } from './outboxFilters.tsx';
import { OutboxKindField, OutboxObjectLink, RetryDeliveryButton } from './outboxParts.tsx';

export default function OutboxList() {
  return (
    <ResourceList
      facets={['status']}
      filters={outboxFilters}
      sidebar={<OutboxSidebar />}
      hiddenColumns={['id']}
      mobile={{
        primary: () => <><OutboxKindField /> <StatusField /></>,
        secondary: (r) => <Muted>{r.object_id} · {r.attempts}×</Muted>,
        tertiary: () => <DateTimeField source="created_at" />,
      }}
    >
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="kind" disableSort><OutboxKindField /></DataTable.Col>
      <DataTable.Col source="object_id" disableSort><OutboxObjectLink /></DataTable.Col>
      <DataTable.Col source="status" disableSort><StatusField /></DataTable.Col>
      <DataTable.Col source="attempts" disableSort align="right" />
      <DataTable.Col source="last_error" disableSort><TextField source="last_error" emptyText="—" sx={{ maxWidth: 360, display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} /></DataTable.Col>
      <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
      <DataTable.Col label=" "><RetryDeliveryButton /></DataTable.Col>
    </ResourceList>
  );
}
