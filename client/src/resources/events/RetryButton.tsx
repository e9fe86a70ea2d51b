// Re-applies a failed or parked event (POST /api/events/:id/retry). Retrying changes nothing when
// the cause is still there, so it needs no confirmation; the answer says what became of it.
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Role } from '../../../../shared/enums.ts';
import { useServerCall } from '../../common/useServerCall.ts';
import type { KboDataProvider } from '../../dataProvider.ts';
import { canDo } from '../../permissions.ts';

export const RETRYABLE = ['failed', 'parked'];

export function RetryButton() {
  const record = useRecordContext();
  const dataProvider = useDataProvider<KboDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role>();
  const { busy, call } = useServerCall();
  if (!record || !RETRYABLE.includes(record.status) || !canDo(role, 'events', 'retry')) return null;
  const retry = async () => {
    const result = await call(() => dataProvider.retryEvent(String(record.id)));
    if (!result) return;
    const status = translate(`app.enums.status.${result.status}`, { _: String(result.status) });
    notify('app.events.retried', { type: result.status === 'applied' ? 'success' : 'warning', messageArgs: { status } });
    refresh();
  };
  return <Button label="app.events.retry" onClick={() => void retry()} disabled={busy}><ReplayIcon /></Button>;
}
