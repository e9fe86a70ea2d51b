// One audit entry: who did what to which record, when and from where, and the detail in words.
// Read-only, like the whole audit log: no edit or delete anywhere.
import { TextField } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { UserField } from '../../common/RecordLinks.tsx';
import { AuditActionField } from './AuditActionField.tsx';
import { AuditDetail } from './AuditDetail.tsx';
import { EntityField, EntityLink } from './EntityLink.tsx';

export default function AuditShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<AuditActionField variant="h5" />} secondary={<TextField source="action" sx={{ fontFamily: 'monospace' }} />} status={false} />
      <Section title="app.show.details">
        <FieldGrid>
          <Item source="actor_id"><UserField source="actor_id" /></Item>
          <Item source="entity"><EntityField /></Item>
          <Item source="entity_id"><EntityLink /></Item>
          <Item source="ip"><TextField source="ip" emptyText="—" /></Item>
          <Item source="created_at"><DateTimeField source="created_at" /></Item>
        </FieldGrid>
      </Section>
      <AuditDetail />
    </ShowPage>
  );
}
