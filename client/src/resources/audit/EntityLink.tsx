// The record an audit entry is about, linked when it is a resource the app shows, and the kind
// of record in words ("User", "Merchant").
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { IdLink } from '../../common/RecordLinks.tsx';

export const ENTITY_RESOURCES = ['users', 'merchants', 'payments', 'refunds', 'disputes', 'payouts', 'intents', 'plans'];

export function EntityLink() {
  const record = useRecordContext();
  if (!record?.entity_id) return null;
  return ENTITY_RESOURCES.includes(record.entity)
    ? <IdLink resource={record.entity} id={record.entity_id} />
    : <Typography variant="body2">{record.entity_id}</Typography>;
}

export function EntityName({ entity }: { entity: string | null | undefined }) {
  const translate = useTranslate();
  if (!entity) return null;
  return <>{translate(`resources.${entity}.name`, { smart_count: 1, _: entity })}</>;
}

export function EntityField() {
  const record = useRecordContext();
  return <Typography component="span" variant="body2"><EntityName entity={record?.entity} /></Typography>;
}
