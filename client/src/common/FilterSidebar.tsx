// The filter sidebar of every list (on wide screens): saved queries (on the server, SavedQueries.tsx), then one-click filters
// for enums and dates. Phones get the same filters from the "Add filter" button instead.
import AccessTimeIcon from '@mui/icons-material/AccessTime';
import LabelOutlinedIcon from '@mui/icons-material/LabelOutlined';
import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { FilterList, FilterListItem, useListContext, useTranslate } from 'react-admin';
import type { TotalMeta } from '../dataProvider.ts';
import { useEnumLabel, type EnumName } from './EnumField.tsx';
import { SavedQueries } from './SavedQueries.tsx';
import { localDay, startOfLocalDay } from './filterInputs.tsx';

export function FilterSidebar({ children }: { children?: ReactNode }) {
  return (
    <Card
      sx={{ order: -1, mr: 1.5, mt: 1, width: 208, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', lg: 'block' } }}
      data-testid="filter-sidebar"
    >
      <CardContent sx={{ pt: 1, '&:last-child': { pb: 1 } }}>
        <SavedQueries />
        {children}
      </CardContent>
    </Card>
  );
}

function CountedLabel({ text, count }: { text: string; count?: { total: number; exact: boolean } }) {
  return (
    <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, width: '100%' }}>
      <span>{text}</span>
      {count && (
        <Typography component="span" variant="body2" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }} data-testid="facet-count">
          {count.exact ? count.total : `${count.total}+`}
        </Typography>
      )}
    </Box>
  );
}

/**
 * One filter per value of an enum. With `counts`, each value shows how many records match it
 * together with the other filters in use: the list asks for them with its page (ResourceList's
 * `facets`, the server's X-Facet-Counts), so they cost no request of their own. Only for tables
 * small enough that counting is cheap.
 */
export function EnumFilterList({
  source, values, name = 'status', label = 'app.filter.status', counts,
}: { source: string; values: readonly string[]; name?: EnumName; label?: string; counts?: boolean }) {
  const { meta } = useListContext();
  const enumLabel = useEnumLabel();
  const facet = counts ? (meta as TotalMeta | undefined)?.facetCounts?.[source] : undefined;
  return (
    <FilterList label={label} icon={<LabelOutlinedIcon />}>
      {values.map((v) => (
        <FilterListItem key={v} value={{ [source]: v }} label={<CountedLabel text={enumLabel(name, v)} count={facet?.[v]} />} />
      ))}
    </FilterList>
  );
}

/** Quick date ranges on created_at, in the user's time zone. */
export function CreatedFilterList({ source = 'created_at' }: { source?: string }) {
  const translate = useTranslate();
  const today = new Date();
  const daysAgo = (n: number) => startOfLocalDay(localDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - n)));
  const ranges = [
    ['app.filter.today', daysAgo(0)],
    ['app.filter.last_7_days', daysAgo(6)],
    ['app.filter.last_30_days', daysAgo(29)],
    ['app.filter.this_month', startOfLocalDay(localDay(new Date(today.getFullYear(), today.getMonth(), 1)))],
  ] as const;
  return (
    <FilterList label="app.filter.date_range" icon={<AccessTimeIcon />}>
      {ranges.map(([label, from]) => (
        <FilterListItem key={label} label={translate(label)} value={{ [`${source}_gte`]: from, [`${source}_lte`]: undefined }} />
      ))}
    </FilterList>
  );
}
