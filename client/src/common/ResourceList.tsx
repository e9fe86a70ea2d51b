// The one list frame every resource uses: filters (bar and sidebar), sortable columns with a
// column chooser, page sizes 10/25/50/100, saved queries, server-side export, empty states, on
// phones a compact list instead of the table, and (for lists that grow live) "N new — show". A
// role that may not read the resource gets the access-denied page before any of it asks the API.
import type { ReactElement, ReactNode } from 'react';
import {
  ColumnsButton, DataTable, FilterButton, List, SimpleList, TopToolbar, type SortPayload,
  type RaRecord,
} from 'react-admin';
import { AccessGate } from './AccessDenied.tsx';
import { AmountSortNote } from './AmountSortNote.tsx';
import { EmptyList } from './EmptyList.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { FilterSidebar } from './FilterSidebar.tsx';
import { ListPagination } from './ListPagination.tsx';
import { NewRecordsPrompt } from './NewRecordsPrompt.tsx';
import { useIsSmall } from './useIsSmall.ts';

export const PAGE_SIZES = [10, 25, 50, 100];

/** Free-text columns cut with "…" past CLIPPED_WIDTH: the whole text is on the record's page. */
const CLIPPED_COLUMNS = ['merchant_id', 'customer_email', 'email', 'name', 'card_last4', 'reference_id', 'description', 'assignee_id', 'reason_code'];
const CLIPPED_WIDTH = 150;

/**
 * Tight enough that every list's default columns fit a 1440 px laptop with the app menu and the
 * filter sidebar open (issue #13; e2e/listFit.e2e.test.ts): half the usual padding between
 * columns, headers that may wrap to two lines when space is short, and long free text clipped.
 * Cells of clipped columns need an element around their text (TextField, a link): a table cell
 * itself ignores max-width. The wrapper still scrolls when the user adds columns.
 */
export const TABLE_SX = {
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
  '& th, & td': { px: 1 },
  '& th:first-of-type, & td:first-of-type': { pl: 2 },
  '& th:last-of-type, & td:last-of-type': { pr: 2 },
  '& th': { whiteSpace: 'normal', verticalAlign: 'bottom' },
  '& td': { whiteSpace: 'nowrap' },
  [CLIPPED_COLUMNS.map((c) => `& td.column-${c} > *`).join(', ')]: {
    display: 'block', maxWidth: CLIPPED_WIDTH, overflow: 'hidden', textOverflow: 'ellipsis',
  },
} as const;

/** react-admin's record: any field the resource has, by name. */
type RowText = (record: RaRecord) => ReactNode;

export interface ResourceListProps {
  filters: ReactElement[];
  /** FilterList blocks for the sidebar (saved queries are always there). */
  sidebar?: ReactNode;
  /** DataTable columns. */
  children: ReactNode;
  /** The compact phone rendering of a row. */
  mobile: { primary: RowText; secondary?: RowText; tertiary?: RowText };
  sort?: SortPayload;
  hiddenColumns?: string[];
  /** Extra buttons for the top toolbar (e.g. create). */
  actions?: ReactNode;
  /** Filters the list always applies (not shown, not removable). */
  filter?: Record<string, unknown>;
  /** Saved views above the rows (common/ListTabs). */
  tabs?: ReactNode;
  /** Offer "N new — show" when records matching the filters arrive (common/NewRecordsPrompt). */
  live?: boolean;
  /** Enum fields whose values the sidebar counts (EnumFilterList `counts`): asked with the page. */
  facets?: readonly string[];
}

function ListActions({ extra }: { extra?: ReactNode }) {
  const isSmall = useIsSmall();
  return (
    <TopToolbar>
      {extra}
      <FilterButton />
      {!isSmall && <ColumnsButton />}
      <ExportMenu />
    </TopToolbar>
  );
}

export function ResourceList(props: ResourceListProps) {
  return <AccessGate action="list"><AllowedList {...props} /></AccessGate>;
}

function AllowedList({ filters, sidebar, children, mobile, sort, hiddenColumns, actions, filter, tabs, live, facets }: ResourceListProps) {
  const isSmall = useIsSmall();
  return (
    <List
      queryOptions={facets?.length ? { meta: { facets } } : undefined}
      filters={filters}
      filter={filter}
      sort={sort ?? { field: 'created_at', order: 'DESC' }}
      perPage={25}
      pagination={<ListPagination rowsPerPageOptions={PAGE_SIZES} />}
      actions={<ListActions extra={actions} />}
      aside={<FilterSidebar>{sidebar}</FilterSidebar>}
      empty={<EmptyList live={live} />}
      sx={{ minWidth: 0, '& .RaList-main': { minWidth: 0 } }}
    >
      {live && <NewRecordsPrompt filter={filter} />}
      {tabs}
      <AmountSortNote />
      {isSmall ? (
        <SimpleList
          className="compact-list"
          rowClick="show"
          primaryText={mobile.primary}
          secondaryText={mobile.secondary}
          tertiaryText={mobile.tertiary}
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false} hiddenColumns={hiddenColumns} sx={TABLE_SX}>
          {children}
        </DataTable>
      )}
    </List>
  );
}
