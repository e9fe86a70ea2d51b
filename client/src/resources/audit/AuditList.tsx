// The audit log: admins only, read-only (no create, edit or delete anywhere).
import { DataTable } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { UserField } from '../../common/RecordLinks.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { AuditActionField, useAuditActionLabel } from './AuditActionField.tsx';
import { AuditSidebar, auditFilters } from './auditFilters.tsx';
import { EntityField, EntityLink, EntityName } from './EntityLink.tsx';

export default function AuditList() {
  const actionLabel = useAuditActionLabel();
  return (
    <ResourceList
      filters={auditFilters}
      sidebar={<AuditSidebar />}
      mobile={{ primary: (r) => actionLabel(r.action), secondary: (r) => <Muted><EntityName entity={r.entity} /> · {r.entity_id}</Muted>, tertiary: () => <DateTimeField source="created_at" /> }}
    >
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="action"><AuditActionField /></DataTable.Col>
      <DataTable.Col source="actor_id"><UserField source="actor_id" /></DataTable.Col>
      <DataTable.Col source="entity"><EntityField /></DataTable.Col>
      <DataTable.Col source="entity_id"><EntityLink /></DataTable.Col>
      <DataTable.Col source="ip" disableSort />
    </ResourceList>
  );
}
