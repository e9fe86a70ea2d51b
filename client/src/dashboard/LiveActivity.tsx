// On the dashboard: "2 new payments since this page opened — Refresh". Refreshing refetches
// every figure and list on the page (react-admin's refresh) and starts counting again.
import { useRefresh, useTranslate } from 'react-admin';
import { LivePrompt } from '../common/LivePrompt.tsx';
import { useNewRecords } from '../common/useNewRecords.ts';

const NO_FILTER = {};

export function LiveActivity({ intervalMs }: { intervalMs?: number }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { count, acknowledge } = useNewRecords('payments', NO_FILTER, { intervalMs });
  if (count === 0) return null;
  return (
    <LivePrompt
      testId="live-activity"
      message={translate('app.live.dashboard', { smart_count: count })}
      actionLabel={translate('app.live.refresh')}
      onAction={() => { acknowledge(); refresh(); }}
    />
  );
}
