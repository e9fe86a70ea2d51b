// How many records have arrived since the screen was loaded, without reloading it: every
// LIVE_POLL_MS (while the tab is visible) one list call through the list engine — the screen's
// own filters plus `created_at > <newest seen>`, one row, newest first. With nothing new that is
// a single count on the created_at index; with something new, also the one newest row. The
// baseline is the newest record when the screen loaded, and again when the user shows the new
// ones (asked afresh then, so what arrived meanwhile is not counted twice).
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

export function useNewRecords(
  resource: string, filter: Record<string, unknown>, opts: { intervalMs?: number; enabled?: boolean } = {},
): NewRecords {
  const dataProvider = useDataProvider();
  const [generation, setGeneration] = useState(0);
  // The baseline belongs to one filter and one generation: a new filter, or showing the new
  // records, starts a new one.
  const key = `${generation}:${JSON.stringify(filter)}`;
  const [baseline, setBaseline] = useState<{ key: string; since: string } | null>(null);
  const since = baseline?.key === key ? baseline.since : null;

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
    refetchInterval: opts.intervalMs ?? LIVE_POLL_MS,
    enabled: opts.enabled ?? true,
  });

  if (data && since === null) {
    // The first answer for this key sets its baseline (state set during render, once per key).
    setBaseline({ key, since: data.newest ?? BEGINNING });
  }
  const count = since !== null && data ? data.total : 0;
  const acknowledge = useCallback(() => setGeneration((g) => g + 1), []);
  return { count, acknowledge };
}
