// One delivery to the processor: what it asks, about which record, how delivery went, and the
// request it carries; a failed one can be retried.
import { Alert } from '@mui/material';
import { TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { OutboxKindField, OutboxObjectLink, RetryDeliveryButton } from './outboxParts.tsx';

function FailedHint() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.status !== 'failed') return null;
  return <Alert severity="error" sx={{ mb: 2 }}>{record.last_error}<br />{translate('admin.outbox.failed_hint')}</Alert>;
}

function Payload() {
  const record = useRecordContext();
  if (!record) return null;
  return <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: '0.8rem' }}>{JSON.stringify(record.payload, null, 2)}</pre>;
}

export default function OutboxShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<OutboxKindField />} secondary={<TextField source="id" sx={{ fontFamily: 'monospace' }} />} actions={<RetryDeliveryButton />} />
      <FailedHint />
      <Section title="app.show.details">
        <FieldGrid>
          <Item source="object_id"><OutboxObjectLink /></Item>
          <Item source="attempts"><TextField source="attempts" /></Item>
          <Item source="created_at"><DateTimeField source="created_at" /></Item>
          <Item source="next_attempt_at"><DateTimeField source="next_attempt_at" /></Item>
          <Item source="delivered_at"><DateTimeField source="delivered_at" /></Item>
          <Item source="request_id"><TextField source="request_id" emptyText="—" sx={{ fontFamily: 'monospace' }} /></Item>
          <Item source="last_error"><TextField source="last_error" emptyText="—" /></Item>
        </FieldGrid>
      </Section>
      <Section title="resources.outbox.fields.payload"><Payload /></Section>
    </ShowPage>
  );
}
