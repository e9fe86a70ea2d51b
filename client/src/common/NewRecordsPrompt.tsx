// "3 new payments — Show": on a list, when records matching its filters arrived since it loaded.
// Showing them refetches the list (they take their place in its order) and starts counting again.
import FiberNewOutlinedIcon from '@mui/icons-material/FiberNewOutlined';
import { Alert, Button } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { useNewRecords } from './useNewRecords.ts';

export function NewRecordsPrompt({ filter, intervalMs }: { filter?: Record<string, unknown>; intervalMs?: number }) {
  const { resource, filterValues, refetch, sort, page, data, isFetching } = useListContext();
  const translate = useTranslate();
  // The first page of a list sorted newest first shows the newest record: the baseline, for free.
  const newestFirst = sort?.field === 'created_at' && sort.order === 'DESC' && page === 1;
  const listNewest = !newestFirst ? undefined : isFetching || !data ? 'loading' as const : (data[0]?.created_at as string | undefined) ?? null;
  const { count, acknowledge } = useNewRecords(resource, { ...filterValues, ...filter }, { intervalMs, listNewest });
  if (count === 0) return null;
  return (
    <Alert
      severity="info"
      icon={<FiberNewOutlinedIcon />}
      role="status"
      data-testid="new-records"
      sx={{ mb: 1, alignItems: 'center' }}
      action={(
        <Button color="inherit" size="small" onClick={() => { acknowledge(); void refetch(); }}>
          {translate('app.live.show')}
        </Button>
      )}
    >
      {translate(`app.live.${resource}`, { smart_count: count })}
    </Alert>
  );
}
