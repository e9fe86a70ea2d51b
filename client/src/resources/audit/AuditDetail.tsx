// An audit entry's detail, readable: a change as a before/after table (user.updated and
// merchant.updated record {from: {field: value}, to: {field: value}}), a status move as two chips,
// other facts as labelled values (ids linked, amounts in their currency), and the JSON exactly as
// recorded underneath for anyone who needs it.
import { Box, Typography, type SxProps } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable, ListContextProvider, useList, useRecordContext, useTranslate } from 'react-admin';
import { formatMoney } from '../../../../shared/currencies.ts';
import { ID_PATTERN } from '../../../../shared/ids.ts';
import { Section } from '../../common/DetailLayout.tsx';
import { useEnumLabel } from '../../common/EnumField.tsx';
import { IdLink } from '../../common/RecordLinks.tsx';
import { StatusChip } from '../../common/StatusChip.tsx';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import { resourceOfId } from '../idLinks.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

type Detail = Record<string, unknown>;

/** Coded values the server writes into details (sign-in failure reasons, throttle kinds). */
const CODED_VALUES = new Set(['unknown_email', 'wrong_password', 'disabled', 'account', 'ip']);

function useValueFormatter(entity: string, detail: Detail) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const locale = useIntlLocale();
  const formatValue = (key: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return translate(`ra.boolean.${value}`);
    if (typeof value === 'number' && /(^|_)amount$/.test(key) && typeof detail.currency === 'string') {
      return formatMoney(value, detail.currency, locale);
    }
    if (typeof value === 'string') {
      const resource = ID_PATTERN.test(value) ? resourceOfId(value) : undefined;
      if (resource) return <IdLink resource={resource} id={value} />;
      if (key === 'role') return enumLabel('role', value);
      if (key === 'status') return <StatusChip status={value} />;
      if (key === 'reason' && entity === 'refunds') return enumLabel('refund_reason', value);
      if (CODED_VALUES.has(value)) return translate(`admin.audit.values.${value}`);
      return value;
    }
    if (isPlainObject(value) && 'from' in value && 'to' in value) {
      return <>{formatValue(key, value.from)} → {formatValue(key, value.to)}</>;
    }
    if (typeof value === 'number') return value.toLocaleString(locale);
    return <Box component="code" sx={{ fontSize: '0.8rem' }}>{JSON.stringify(value)}</Box>;
  };
  return formatValue;
}

function useKeyLabel(entity: string) {
  const translate = useTranslate();
  return (key: string) => translate(`admin.audit.keys.${key}`, { _: translate(`resources.${entity}.fields.${key}`, { _: key }) });
}

/** The rows a detail reads as: changed fields, a status move, and the remaining facts. */
export function describeDetail(detail: Detail) {
  const { from, to, ...rest } = detail;
  const fieldChanges = isPlainObject(from) && isPlainObject(to)
    ? [...new Set([...Object.keys(from), ...Object.keys(to)])].map((field) => ({ field, before: from[field], after: to[field] }))
    : [];
  const statusMove = !isPlainObject(from) && (from !== undefined || to !== undefined) && !fieldChanges.length
    ? { before: from as string | undefined, after: to as string | undefined }
    : null;
  return { fieldChanges, statusMove, facts: Object.entries(rest) };
}

export function AuditDetail() {
  const record = useRecordContext();
  const translate = useTranslate();
  const entity = String(record?.entity ?? '');
  const detail: Detail = isPlainObject(record?.detail) ? record.detail : {};
  const formatValue = useValueFormatter(entity, detail);
  const keyLabel = useKeyLabel(entity);
  if (!record?.detail) return null;
  const { fieldChanges, statusMove, facts } = describeDetail(detail);
  const cell = { py: 0.75, px: 1, verticalAlign: 'top', overflowWrap: 'anywhere' } as const;
  return (
    <Section title="resources.audit.fields.detail" testId="audit-detail">
      {fieldChanges.length > 0 && (
        <FieldChanges changes={fieldChanges} cell={cell} formatValue={formatValue} keyLabel={keyLabel} />
      )}
      {(statusMove || facts.length > 0) && (
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(140px, max-content) 1fr' }, columnGap: 3, rowGap: 1, m: 0, mb: 2 }}>
          {statusMove && (
            <>
              <Typography component="dt" variant="body2" color="text.secondary">{keyLabel('status')}</Typography>
              <Box component="dd" sx={{ m: 0, display: 'flex', alignItems: 'center', gap: 1 }}>
                <StatusChip status={statusMove.before} /> → <StatusChip status={statusMove.after} />
              </Box>
            </>
          )}
          {facts.map(([key, value]) => (
            <Box key={key} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">{keyLabel(key)}</Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>{formatValue(key, value)}</Typography>
            </Box>
          ))}
        </Box>
      )}
      <Box component="details" sx={{ '& summary': { cursor: 'pointer', color: 'text.secondary', typography: 'body2' } }}>
        <summary>{translate('admin.audit.raw')}</summary>
        <Box component="pre" sx={{ m: 0, mt: 1, fontSize: '0.8rem', overflowX: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {JSON.stringify(record.detail, null, 2)}
        </Box>
      </Box>
    </Section>
  );
}

type FieldChange = ReturnType<typeof describeDetail>['fieldChanges'][number];

/** Changed fields, before and after, as an in-memory react-admin table (useList: no request). */
function FieldChanges({ changes, cell, formatValue, keyLabel }: {
  changes: FieldChange[];
  cell: SxProps;
  formatValue: (field: string, value: unknown) => ReactNode;
  keyLabel: (field: string) => string;
}) {
  const translate = useTranslate();
  const list = useList({ data: changes.map((c) => ({ ...c, id: c.field })) });
  return (
    <Box sx={{ mb: 2, '& th': { fontWeight: 600 } }} data-testid="audit-changes">
      <ListContextProvider value={list}>
        <DataTable bulkActionButtons={false} rowClick={false} storeKey="audit-field-changes">
          <DataTable.Col source="field" label={translate('admin.audit.field')} sx={cell} disableSort render={(c) => keyLabel(c.field)} />
          <DataTable.Col source="before" label={translate('admin.audit.before')} sx={cell} disableSort cellSx={() => ({ color: 'text.secondary' })} render={(c) => formatValue(c.field, c.before)} />
          <DataTable.Col source="after" label={translate('admin.audit.after')} sx={cell} disableSort render={(c) => formatValue(c.field, c.after)} />
        </DataTable>
      </ListContextProvider>
    </Box>
  );
}
