// The processor's events, newest first: what came, about which object, and what became of it.
import { DataTable, TextField } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { eventFilters } from './eventFilters.tsx';

export default function EventList() {
  return (
    <ResourceList
      filters={eventFilters}
      sort={{ field: 'received_at', order: 'DESC' }}
      mobile={{ primary: (r) => r.type, secondary: (r) => <Muted>{r.object_id}</Muted>, tertiary: () => <StatusField /> }}
    >
      <DataTable.Col source="received_at"><DateTimeField source="received_at" /></DataTable.Col>
      <DataTable.Col source="type"><TextField source="type" sx={{ fontFamily: 'monospace' }} /></DataTable.Col>
      <DataTable.Col source="object_id" disableSort><TextField source="object_id" sx={{ fontFamily: 'monospace' }} /></DataTable.Col>
      <DataTable.Col source="status"><StatusField /></DataTable.Col>
      <DataTable.Col source="error" disableSort><TextField source="error" emptyText="" /></DataTable.Col>
    </ResourceList>
  );
}
