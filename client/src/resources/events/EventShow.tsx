// One processor event: its status and why (the error of a failed one, what a parked one waits
// for), the payload exactly as the processor sent it, and Retry for a failed or parked one.
import { Alert, Box } from '@mui/material';
import { NumberField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { RetryButton } from './RetryButton.tsx';

function WhyNotApplied() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.status === 'failed') {
    return (
      <Alert severity="error" action={<RetryButton />} sx={{ mb: 2 }}>
        <strong>{translate('app.events.error')}:</strong> {record.error}
        <Box sx={{ mt: 0.5 }}>{translate('app.events.failed_help')}</Box>
      </Alert>
    );
  }
  if (record?.status === 'parked') {
    return <Alert severity="warning" action={<RetryButton />} sx={{ mb: 2 }}>{translate('app.events.parked_help', { id: record.waiting_for })}</Alert>;
  }
  return null;
}

function Payload() {
  const record = useRecordContext();
  if (!record) return null;
  const text = typeof record.payload === 'string' ? record.payload : JSON.stringify(record.payload, null, 2);
  return (
    <Box component="pre" data-testid="event-payload" sx={{ m: 0, p: 2, overflow: 'auto', maxHeight: 480, fontSize: '0.8rem', bgcolor: 'action.hover', borderRadius: 1 }}>
      {text}
    </Box>
  );
}

export default function EventShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<TextField source="type" variant="h5" sx={{ fontFamily: 'monospace' }} />} secondary={<TextField source="object_id" sx={{ fontFamily: 'monospace' }} />} />
      <WhyNotApplied />
      <Section title="app.show.details">
        <FieldGrid>
          <Item source="id"><TextField source="id" sx={{ fontFamily: 'monospace' }} /></Item>
          <Item source="object_id"><TextField source="object_id" sx={{ fontFamily: 'monospace' }} /></Item>
          <Item source="waiting_for"><TextField source="waiting_for" emptyText="—" sx={{ fontFamily: 'monospace' }} /></Item>
          <Item source="received_at"><DateTimeField source="received_at" /></Item>
          <Item source="applied_at"><DateTimeField source="applied_at" /></Item>
          <Item source="attempts"><NumberField source="attempts" /></Item>
        </FieldGrid>
      </Section>
      <Section title="app.events.payload">
        <Payload />
      </Section>
    </ShowPage>
  );
}
