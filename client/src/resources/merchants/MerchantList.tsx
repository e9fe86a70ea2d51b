import { DataTable, TextField } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { PlanField } from '../../common/RecordLinks.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { MerchantSidebar, merchantFilters } from './merchantFilters.tsx';

export default function MerchantList() {
  return (
    <ResourceList
      facets={['status']}
      filters={merchantFilters}
      sidebar={<MerchantSidebar />}
      hiddenColumns={['id']}
      mobile={{
        primary: (r) => r.name,
        secondary: (r) => <Muted>{r.email} · {r.country} · {r.default_currency}</Muted>,
        tertiary: () => <StatusField />,
      }}
    >
      <DataTable.Col source="name"><TextField source="name" /></DataTable.Col>
      <DataTable.Col source="status"><StatusField /></DataTable.Col>
      <DataTable.Col source="email"><TextField source="email" /></DataTable.Col>
      <DataTable.Col source="country" />
      <DataTable.Col source="default_currency" />
      <DataTable.Col source="plan_id"><PlanField /></DataTable.Col>
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
    </ResourceList>
  );
}
