// The records that belong to this one (a payment's refunds, a merchant's payouts, ...): a short
// table, or a compact list on phones, with "View all" opening the full list filtered to them.
import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  Button, DataTable, Link, ListBase, ResourceContextProvider, SimpleList, useCreatePath, useTranslate,
  type SortPayload,
  type RaRecord,
} from 'react-admin';
import { Section } from './DetailLayout.tsx';
import { ListPagination } from './ListPagination.tsx';
import { useIsSmall } from './useIsSmall.ts';

/** react-admin's record: any field the resource has, by name. */
type RowText = (record: RaRecord) => ReactNode;

/** What a page says when it shows one resource's standard related list (RelatedPayments, ...). */
export type RelatedOf = Omit<RelatedListProps, 'title' | 'reference' | 'children' | 'mobile'> & { title?: string };

export interface RelatedListProps {
  title: string;
  reference: string;
  /** The filter that selects the related records, e.g. { payment_id: record.id }. */
  filter: Record<string, unknown>;
  children: ReactNode;
  mobile: { primary: RowText; secondary?: RowText; tertiary?: RowText };
  sort?: SortPayload;
  perPage?: number;
  testId?: string;
}

function NoneYet() {
  const translate = useTranslate();
  return <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>{translate('app.show.none')}</Typography>;
}

export function RelatedList({ title, reference, filter, children, mobile, sort, perPage = 5, testId }: RelatedListProps) {
  const isSmall = useIsSmall();
  const createPath = useCreatePath();
  const viewAll = `${createPath({ resource: reference, type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return (
    <Section
      title={title}
      testId={testId ?? `related-${reference}`}
      action={<Button component={Link} to={viewAll} label="app.show.view_all" size="small" />}
    >
      <ResourceContextProvider value={reference}>
        <ListBase
          resource={reference}
          filter={filter}
          sort={sort ?? { field: 'created_at', order: 'DESC' }}
          perPage={perPage}
          disableSyncWithLocation
          storeKey={false}
        >
          {isSmall ? (
            <SimpleList className="compact-list" rowClick="show" primaryText={mobile.primary} secondaryText={mobile.secondary} tertiaryText={mobile.tertiary} empty={<NoneYet />} />
          ) : (
            <DataTable rowClick="show" bulkActionButtons={false} empty={<NoneYet />} size="small">
              {children}
            </DataTable>
          )}
          <ListPagination rowsPerPageOptions={[]} sx={{ '& .MuiToolbar-root': { minHeight: 40 } }} />
        </ListBase>
      </ResourceContextProvider>
    </Section>
  );
}
