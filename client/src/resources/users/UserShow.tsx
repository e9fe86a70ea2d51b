// A user: who they are, what they did (audit entries they are the actor of) and what happened
// to their account (entries about it: created, changed, sign-ins, who disabled it).
import { DataTable, EditButton, TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { UserField } from '../../common/RecordLinks.tsx';
import { RelatedList } from '../../common/RelatedList.tsx';
import { AuditActionField, AuditActionText } from '../audit/AuditActionField.tsx';
import { EntityLink, EntityName } from '../audit/EntityLink.tsx';
import { PendingAdminGrants } from './PendingAdminGrants.tsx';
import { UserStatus } from './UserStatus.tsx';

function Activity() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedList
      title="app.show.activity"
      reference="audit"
      filter={{ actor_id: record.id }}
      perPage={10}
      testId="user-activity"
      mobile={{ primary: (r) => <AuditActionText action={r.action} />, secondary: (r) => <Muted><EntityName entity={r.entity} /> {r.entity_id}</Muted>, tertiary: () => <DateTimeField source="created_at" /> }}
    >
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="action"><AuditActionField /></DataTable.Col>
      <DataTable.Col source="entity" render={(r) => <EntityName entity={r.entity} />} />
      <DataTable.Col source="entity_id"><EntityLink /></DataTable.Col>
    </RelatedList>
  );
}

/** This user's grant waiting for a second admin, if any. */
function PendingGrant() {
  const record = useRecordContext();
  return record ? <PendingAdminGrants userId={String(record.id)} /> : null;
}

function AccountHistory() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedList
      title="admin.users.history"
      reference="audit"
      filter={{ entity: 'users', entity_id: record.id }}
      perPage={10}
      testId="user-history"
      mobile={{ primary: (r) => <AuditActionText action={r.action} />, secondary: () => <UserField source="actor_id" />, tertiary: () => <DateTimeField source="created_at" /> }}
    >
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="action"><AuditActionField /></DataTable.Col>
      <DataTable.Col source="actor_id"><UserField source="actor_id" /></DataTable.Col>
      <DataTable.Col source="ip" disableSort />
    </RelatedList>
  );
}

export default function UserShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<TextField source="name" variant="h5" />} secondary={<TextField source="email" />} status={false} actions={<><UserStatus /><EditButton /></>} />
      <PendingGrant />
      <Section title="app.show.details">
        <FieldGrid>
          <Item source="email"><TextField source="email" /></Item>
          <Item source="role"><EnumField source="role" name="role" /></Item>
          <Item source="disabled"><UserStatus /></Item>
          <Item source="last_login_at"><DateTimeField source="last_login_at" /></Item>
          <Item source="created_at"><DateTimeField source="created_at" /></Item>
        </FieldGrid>
      </Section>
      <AccountHistory />
      <Activity />
    </ShowPage>
  );
}
