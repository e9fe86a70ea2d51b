// Links between records: every *_id on a screen leads to its record, so payment ↔ intent ↔
// merchant ↔ refunds ↔ disputes ↔ ledger are one click apart.
import { Box, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, ReferenceField, TextField, useCanAccess, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { PROCESSOR_ACTOR } from '../../../shared/auditActions.ts';
import { CopyButton, shortId } from './CopyableId.tsx';

const stop = (e: MouseEvent) => e.stopPropagation();
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.8rem' };

/** A link to a record by id, shown as the (shortened) id with a copy button. */
export function IdLink({ resource, id, short = true }: { resource: string; id: string; short?: boolean }) {
  const createPath = useCreatePath();
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', maxWidth: '100%' }}>
      <Link to={createPath({ resource, id, type: 'show' })} onClick={stop} title={id} sx={{ ...mono, ...(short ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }) }}>
        {short ? shortId(id) : id}
      </Link>
      <CopyButton value={id} />
    </Box>
  );
}

export function IdLinkField({ source, reference, short }: { source: string; reference: string; short?: boolean }) {
  const record = useRecordContext();
  const id = record?.[source];
  if (!id) return <Typography component="span" variant="body2" color="text.secondary">—</Typography>;
  return <IdLink resource={reference} id={String(id)} short={short} />;
}

/**
 * The merchant's name, linking to it. Records that belong to a merchant carry its name
 * (`merchant_name`, computed by the API with the page), so a list needs no second request for
 * the names; a record without it falls back to fetching the merchant.
 */
export function MerchantField({ source = 'merchant_id' }: { source?: string }) {
  const record = useRecordContext();
  const createPath = useCreatePath();
  const id = record?.[source];
  if (source === 'merchant_id' && id && typeof record?.merchant_name === 'string') {
    return (
      <Link to={createPath({ resource: 'merchants', id, type: 'show' })} onClick={stop}>
        <Typography component="span" variant="body2">{record.merchant_name}</Typography>
      </Link>
    );
  }
  return <ReferenceField source={source} reference="merchants" link="show" />;
}

/** The merchant's name as text (phone rows): from the record when the API sent it, else fetched. */
export function MerchantName() {
  const record = useRecordContext();
  if (typeof record?.merchant_name === 'string') return <>{record.merchant_name}</>;
  return <ReferenceField source="merchant_id" reference="merchants" link={false} />;
}

/** A plan's name, linking to it. */
export function PlanField({ source = 'plan_id' }: { source?: string }) {
  return <ReferenceField source={source} reference="plans" link="show" />;
}

/**
 * A user by name for admins (who may read users); others see the id, since the users list is
 * closed to them and asking for it would only fail.
 */
export function UserField({ source }: { source: string }) {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'show' });
  const translate = useTranslate();
  const id = record?.[source];
  if (!id) return <Typography component="span" variant="body2" color="text.secondary">—</Typography>;
  // What the processor's signed events did (docs/processor.md): not a user.
  if (id === PROCESSOR_ACTOR) return <Typography component="span" variant="body2">{translate('app.events.processor')}</Typography>;
  if (!canAccess) return <Typography component="span" variant="body2" sx={mono} title={id}>{shortId(String(id))}</Typography>;
  return (
    <ReferenceField source={source} reference="users" link="show">
      <TextField source="name" />
    </ReferenceField>
  );
}

/** Which resource a ledger entry's source_id points at. Fees belong to their payment. */
export const LEDGER_SOURCE_RESOURCE: Record<string, string | undefined> = {
  payment: 'payments', fee: 'payments', refund: 'refunds', dispute: 'disputes', payout: 'payouts',
};

export function LedgerSourceField() {
  const record = useRecordContext();
  if (!record?.source_id) return null;
  const resource = LEDGER_SOURCE_RESOURCE[record.source_type];
  return resource ? <IdLink resource={resource} id={record.source_id} /> : <Typography variant="body2" sx={mono}>{record.source_id}</Typography>;
}
