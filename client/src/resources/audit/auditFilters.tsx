// The audit log filters by who (actor), what (action, and the kind of record), which record
// (its id) and when (a date range in the user's time zone).
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../../../shared/auditActions.ts';
import { CreatedFilterList } from '../../common/FilterSidebar.tsx';
import { dateRangeFilters, searchFilter } from '../../common/filterInputs.tsx';
import { auditActionKey } from '../../i18n/admin/en.ts';

export const auditFilters = [
  searchFilter(),
  <ReferenceInput key="actor_id" source="actor_id" reference="users" alwaysOn>
    <AutocompleteInput filterToQuery={(q: string) => (q ? { q } : {})} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput key="action" source="action" choices={AUDIT_ACTIONS.map((a) => ({ id: a, name: auditActionKey(a) }))} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="entity" source="entity" choices={AUDIT_ENTITIES.map((r) => ({ id: r, name: `resources.${r}.name` }))} />,
  <TextInput key="entity_id" source="entity_id" label="admin.audit.entity_id" parse={(v: string) => v.trim()} />,
  ...dateRangeFilters(),
];

export function AuditSidebar() {
  return <CreatedFilterList />;
}
