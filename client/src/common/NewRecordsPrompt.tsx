// "3 new payments — Show": on a list, when records matching its filters arrived since it loaded.
// Showing them refetches the list (they take their place in its order) and starts counting again.
import { useListContext, useTranslate } from 'react-admin';
import { LivePrompt } from './LivePrompt.tsx';
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
    <LivePrompt
      testId="new-records"
      sx={{ mb: 1 }}
      message={translate(`app.live.${resource}`, { smart_count: count })}
      actionLabel={translate('app.live.show')}
      onAction={() => { acknowledge(); void refetch(); }}
    />
  );
}
