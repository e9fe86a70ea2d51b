// Saved views of a list as tabs above it ("Approval queue", "My disputes"): each tab is a filter
// and a sort. Choosing one sets both (and they stay in the URL like any filter); a tab is shown
// selected while the list's filter is exactly its own.
import { Box, Tab, Tabs } from '@mui/material';
import { useGetList, useListContext, useTranslate, type SortPayload } from 'react-admin';
import type { TotalMeta } from '../dataProvider.ts';

export interface ListTab {
  id: string;
  label: string;
  filter: Record<string, unknown>;
  sort: SortPayload;
  /** Show how many records the tab holds. */
  count?: boolean;
}

const canonical = (value: unknown): string => JSON.stringify(value, (_k, v) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort()) : v);

function TabLabel({ tab }: { tab: ListTab }) {
  const translate = useTranslate();
  const { resource } = useListContext();
  // Kept for a minute, so going back to the list does not count again (a change made here refreshes it at once).
  const { total, meta } = useGetList(resource, { filter: tab.filter, pagination: { page: 1, perPage: 1 }, sort: tab.sort }, { enabled: !!tab.count, staleTime: 60_000 });
  // A capped count (dataProvider's TotalMeta) reads "10000+", not the lower bound it carries.
  const { totalExact, totalMoreThan } = (meta ?? {}) as Partial<TotalMeta>;
  const count = totalExact === false && totalMoreThan !== undefined ? `${totalMoreThan}+` : total;
  return <>{translate(tab.label)}{tab.count && total !== undefined ? ` (${count})` : ''}</>;
}

export function ListTabs({ tabs }: { tabs: ListTab[] }) {
  const { filterValues, setFilters, setSort } = useListContext();
  const current = tabs.find((t) => canonical(t.filter) === canonical(filterValues ?? {}));
  const choose = (id: string) => {
    const tab = tabs.find((t) => t.id === id);
    if (!tab) return;
    setFilters(tab.filter, {});
    setSort(tab.sort);
  };
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Tabs value={current?.id ?? false} onChange={(_e, id) => choose(id)} variant="scrollable" scrollButtons={false} data-testid="list-tabs">
        {tabs.map((tab) => <Tab key={tab.id} value={tab.id} label={<TabLabel tab={tab} />} sx={{ minHeight: 44 }} />)}
      </Tabs>
    </Box>
  );
}
