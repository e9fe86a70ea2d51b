// Pieces of the outbox screens: what an item asks in words, the record it is about (linked), and
// the admin's Retry of a failed delivery (POST /api/outbox/:id/retry, docs/processor.md).
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, Typography } from '@mui/material';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { IdLink } from '../../common/RecordLinks.tsx';
import { useServerCall } from '../../common/useServerCall.ts';
import type { KboDataProvider } from '../../dataProvider.ts';

const RESOURCE_OF: Record<string, string> = { refund: 'refunds', payout: 'payouts', dispute: 'disputes' };

export function OutboxKindField() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <Typography component="span" variant="body2">{translate(`admin.outbox.kinds.${String(record.kind).replace('.', '_')}`, { _: record.kind })}</Typography>;
}

/** The refund, payout or dispute the request is about. */
export function OutboxObjectLink() {
  const record = useRecordContext();
  if (!record) return null;
  const resource = RESOURCE_OF[String(record.kind).split('.')[0]];
  return resource ? <IdLink resource={resource} id={String(record.object_id)} short /> : <span>{record.object_id}</span>;
}

/** Retry, on a failed item only (the server refuses any other, and one whose action already gave the money back). */
export function RetryDeliveryButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KboDataProvider>();
  const { busy, call } = useServerCall();
  if (record?.status !== 'failed') return null;
  const retry = async (event: React.MouseEvent) => {
    event.stopPropagation(); // a click in a list row must not open the row
    if (await call(() => dataProvider.retryOutboxItem(String(record.id)))) notify('admin.outbox.retried', { type: 'success' });
    refresh();
  };
  return (
    <Button size="small" startIcon={<ReplayIcon />} disabled={busy} onClick={retry} data-testid="outbox-retry">
      {translate('admin.outbox.retry')}
    </Button>
  );
}
