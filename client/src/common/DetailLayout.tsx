// The frame of every detail view: a header (what it is, the headline figure, status, id, and
// room for the resource's action buttons), then sections in a main and a side column.
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { Labeled, Show, useGetResourceLabel, useRecordContext, useResourceContext, useTranslate, type RaRecord } from 'react-admin';
import { AccessGate } from './AccessDenied.tsx';
import { CopyableId } from './CopyableId.tsx';
import { RecordNotFound } from './RecordNotFound.tsx';
import { StatusField } from './StatusChip.tsx';

export function ShowPage({ children }: { children: ReactNode }) {
  return <AccessGate action="show"><AllowedShowPage>{children}</AllowedShowPage></AccessGate>;
}

function AllowedShowPage({ children }: { children: ReactNode }) {
  return (
    <Show
      actions={false}
      component="div"
      sx={{ '& .RaShow-main': { mt: 1 } }}
      // A record that cannot be read gets its own page, on the URL the user opened (no redirect,
      // no generic notification): RecordNotFound.
      error={<RecordNotFound />}
      queryOptions={{ onError: () => undefined }}
    >
      <Stack spacing={2}>{children}</Stack>
    </Show>
  );
}

export function RecordHeader({ primary, secondary, actions, status = 'status' }: {
  primary: ReactNode;
  secondary?: ReactNode;
  /** Action buttons (refund, approve, ...) from the resource's own folder. */
  actions?: ReactNode;
  /** The status-like field shown as a chip, or false. */
  status?: string | false;
}) {
  const resource = useResourceContext() ?? '';
  const label = useGetResourceLabel()(resource, 1);
  return (
    <Card>
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>{label}</Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h1" data-testid="record-headline" sx={{ overflowWrap: 'anywhere' }}>{primary}</Typography>
            {status && <StatusField source={status} />}
          </Box>
          {secondary && <Box sx={{ mt: 0.5, color: 'text.secondary' }}>{secondary}</Box>}
          <Box sx={{ mt: 0.5 }}><CopyableId /></Box>
        </Box>
        {actions && <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-testid="record-actions">{actions}</Box>}
      </CardContent>
    </Card>
  );
}

/** Main column and side column on wide screens; one column on narrow ones. */
export function Columns({ main, side }: { main: ReactNode; side?: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: side ? 'minmax(0, 2fr) minmax(0, 1fr)' : 'minmax(0, 1fr)' }, alignItems: 'start' }}>
      <Stack spacing={2} sx={{ minWidth: 0 }}>{main}</Stack>
      {side && <Stack spacing={2} sx={{ minWidth: 0 }}>{side}</Stack>}
    </Box>
  );
}

export function Section({ title, action, children, testId }: { title: string; action?: ReactNode; children: ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card data-testid={testId}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 2, pt: 1.5, pb: 0.5, gap: 1 }}>
        <Typography variant="subtitle1" component="h2" fontWeight={600}>{translate(title)}</Typography>
        {action}
      </Box>
      <CardContent sx={{ pt: 1, '&:last-child': { pb: 2 } }}>{children}</CardContent>
    </Card>
  );
}

/** Labelled fields in a responsive grid. Children are field elements with a `source`. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        // Two columns even on a phone; long values (emails, ids) wrap instead of overflowing.
        gridTemplateColumns: { xs: 'repeat(auto-fill, minmax(140px, 1fr))', sm: 'repeat(auto-fill, minmax(190px, 1fr))' },
        '& > *': { minWidth: 0, overflowWrap: 'anywhere' },
      }}
    >
      {children}
    </Box>
  );
}

/** One labelled field; the label comes from the resource's field translations. */
export function Item({ source, label, children }: { source?: string; label?: string; children: ReactNode }) {
  return (
    <Labeled source={source} label={label} sx={{ minWidth: 0, '& .RaLabeled-label': { fontSize: '0.75rem' } }}>
      {/* Labeled types its child as one element; it renders text and fragments as they are. */}
      {children as ReactElement}
    </Labeled>
  );
}

/** True once the record is loaded: sections that query related data wait for it. */
export function useLoadedRecord<T = RaRecord>(): T | undefined {
  return useRecordContext() as T | undefined;
}
