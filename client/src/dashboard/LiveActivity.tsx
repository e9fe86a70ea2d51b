// On the dashboard: "2 new payments since this page opened — Refresh". Refreshing refetches
// every figure and list on the page (react-admin's refresh) and starts counting again.
import FiberNewOutlinedIcon from '@mui/icons-material/FiberNewOutlined';
import { Alert, Button } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import { useNewRecords } from '../common/useNewRecords.ts';

const NO_FILTER = {};

export function LiveActivity({ intervalMs }: { intervalMs?: number }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { count, acknowledge } = useNewRecords('payments', NO_FILTER, { intervalMs });
  if (count === 0) return null;
  return (
    <Alert
      severity="info"
      icon={<FiberNewOutlinedIcon />}
      role="status"
      data-testid="live-activity"
      sx={{ alignItems: 'center' }}
      action={(
        <Button color="inherit" size="small" onClick={() => { acknowledge(); refresh(); }}>
          {translate('app.live.refresh')}
        </Button>
      )}
    >
      {translate('app.live.dashboard', { smart_count: count })}
    </Alert>
  );
}
