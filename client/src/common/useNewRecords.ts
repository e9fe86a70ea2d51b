// How many records have arrived since the screen was loaded, without reloading it: every
// LIVE_POLL_MS (while the tab is visible) one list call through the list engine — the screen's
// own filters plus `created_at > <newest seen>`, one row, newest first. With nothing new that is
// a single count on the created_at index; with something new, also the one newest row. The
// baseline is the newest record when the screen loaded, and again when the user shows the new
// ones (asked afresh then, so what arrived meanwhile is not counted twice). A list sorted newest
// first already shows its newest record: it passes that as `listNewest`, and the first baseline
// costs no request (issue #13). The first poll comes an interval after the baseline, not at once.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useDataProvider } from 'react-admin';

export const LIVE_POLL_MS = 10_000;
/** The baseline of a list that was empty when it loaded: every row that matches is new. */
const BEGINNING = '1970-01-01T00:00:00.000Z';

export interface NewRecords {
  /** Records newer than the baseline (0 until the baseline is known). */
  count: number;
  /** Call when showing them: counting starts again from the newest record now. */
  acknowledge: () => void;
}

export interface NewRecordsOptions {
  intervalMs?: number;
  enabled?: boolean;
  /**
   * The newest record of the list on screen when it is sorted newest first with these filters
   * (null: the list is empty); 'loading' while that list is being fetched. Left out: asked.
   */
  listNewest?: string | null | 'loading';
}

export function useNewRecords(resource: string, filter: Record<string, unknown>, opts: NewRecordsOptions = {}): NewRecords {
  const dataProvider = useDataProvider();
  const [generation, setGeneration] = useState(0);
  // The baseline belongs to one filter and one generation: a new filter, or showing the new
  // records, starts a new one.
  const key = `${generation}:${JSON.stringify(filter)}`;
  const [baseline, setBaseline] = useState<{ key: string; since: string } | null>(null);
  const since = baseline?.key === key ? baseline.since : null;
  const intervalMs = opts.intervalMs ?? LIVE_POLL_MS;
  // Only for the first baseline: after "show", the list is refetching and its rows may be old.
  const fromList = generation === 0 ? opts.listNewest : undefined;
  if (since === null && fromList !== undefined && fromList !== 'loading') setBaseline({ key, since: fromList ?? BEGINNING });

  const { data } = useQuery({
    queryKey: ['newRecords', resource, key, since],
    queryFn: async () => {
      const { data: rows, total } = await dataProvider.getList(resource, {
        filter: { ...filter, ...(since ? { created_at_gt: since } : {}) },
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'created_at', order: 'DESC' },
      });
      return { newest: (rows[0]?.created_at as string | undefined) ?? null, total: total ?? 0 };
    },
    refetchInterval: intervalMs,
    enabled: (opts.enabled ?? true) && (since !== null || fromList === undefined),
    // Nothing is new at the moment of the baseline: the first poll comes an interval later.
    ...(since !== null ? { initialData: { newest: since, total: 0 }, initialDataUpdatedAt: Date.now(), staleTime: intervalMs } : {}),
  });

  if (data && since === null) {
    // The first answer for this key sets its baseline (state set during render, once per key).
    setBaseline({ key, since: data.newest ?? BEGINNING });
  }
  const count = since !== null && data ? data.total : 0;
  const acknowledge = useCallback(() => setGeneration((g) => g + 1), []);
  return { count, acknowledge };
}
