import { CreateButton, DataTable, TextField } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { EnumText } from '../../common/EnumText.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { UserSidebar, userFilters } from './userFilters.tsx';
import { PendingAdminGrants } from './PendingAdminGrants.tsx';
import { UserStatus } from './UserStatus.tsx';

export default function UserList() {
  return (
    <>
      <PendingAdminGrants />
      <ResourceList
        facets={['role']}
        filters={userFilters}
        sidebar={<UserSidebar />}
        sort={{ field: 'name', order: 'ASC' }}
        actions={<CreateButton label="admin.users.create" />}
        mobile={{ primary: (r) => r.name, secondary: (r) => <Muted>{r.email}</Muted>, tertiary: (r) => <EnumText name="role" value={r.role} /> }}
      >
        <DataTable.Col source="name"><TextField source="name" /></DataTable.Col>
        <DataTable.Col source="email"><TextField source="email" /></DataTable.Col>
        <DataTable.Col source="role"><EnumField source="role" name="role" /></DataTable.Col>
        <DataTable.Col source="disabled"><UserStatus /></DataTable.Col>
        <DataTable.Col source="last_login_at"><DateTimeField source="last_login_at" /></DataTable.Col>
        <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      </ResourceList>
    </>
  );
}
