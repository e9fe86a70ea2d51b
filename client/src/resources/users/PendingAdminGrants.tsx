// Pending admin grants (docs/security.md, "Dual control"): an account becomes an admin — created
// as one, promoted, or enabled again — only when a second admin approves. Admins see the
// requests waiting on the users list (all of them) and on a user's page (theirs), with Approve
// and Reject; the one who asked sees theirs without Approve (the server refuses it anyway) and
// may withdraw it.
import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import {
  useCanAccess, useDataProvider, useGetIdentity, useGetList, useNotify, useRefresh, useTranslate, type RaRecord,
} from 'react-admin';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { UserName } from '../../common/UserName.tsx';
import { useServerCall } from '../../common/useServerCall.ts';
import type { KboDataProvider } from '../../dataProvider.ts';

function GrantRow({ grant, mine, onDone }: { grant: RaRecord; mine: boolean; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KboDataProvider>();
  const { busy, call } = useServerCall();
  const decide = async (decision: 'approve' | 'reject') => {
    const done = await call(() => dataProvider.decideAdminGrant(String(grant.id), decision));
    if (done) {
      if (decision === 'approve') notify('admin.users.grants.approved', { type: 'success' });
      else notify('admin.users.grants.rejected', { type: 'info' });
    }
    onDone();
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }} data-testid="admin-grant" sx={{ py: 0.5 }}>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ flex: 1, flexWrap: 'wrap' }}>
        <UserName id={grant.user_id} />
        <Typography variant="body2">— {translate(`admin.users.grants.kinds.${grant.kind}`)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('admin.users.grants.asked_by')}
        </Typography>
        <UserName id={grant.requested_by} />
        <Typography variant="body2" color="text.secondary" component="span">
          <DateTimeText value={grant.requested_at} />
        </Typography>
      </Stack>
      {mine ? (
        <>
          <Typography variant="body2" color="text.secondary">{translate('admin.users.grants.own')}</Typography>
          <Button size="small" disabled={busy} onClick={() => decide('reject')}>{translate('admin.users.grants.withdraw')}</Button>
        </>
      ) : (
        <Stack direction="row" spacing={1}>
          <Button size="small" variant="contained" disabled={busy} onClick={() => decide('approve')}>{translate('admin.users.grants.approve')}</Button>
          <Button size="small" color="error" disabled={busy} onClick={() => decide('reject')}>{translate('admin.users.grants.reject')}</Button>
        </Stack>
      )}
    </Stack>
  );
}

/** The pending grants, all of them or one user's; nothing when there are none. */
export function PendingAdminGrants({ userId }: { userId?: string }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const filter = userId ? { status: 'pending', user_id: userId } : { status: 'pending' };
  // Asked only of those who may read grants: the Users page of a role that may not open it shows
  // the access-denied page without a single refused request.
  const { canAccess } = useCanAccess({ resource: 'admin_grants', action: 'list' });
  const { data, refetch } = useGetList('admin_grants', {
    filter, pagination: { page: 1, perPage: 50 }, sort: { field: 'requested_at', order: 'ASC' },
  }, { enabled: canAccess === true });
  if (!data || data.length === 0) return null;
  const onDone = () => {
    refetch();
    refresh(); // the user's role and status change with an approval
  };
  return (
    <Alert severity="warning" data-testid="pending-admin-grants" sx={{ mb: 2, '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{translate('admin.users.grants.title')}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>{translate('admin.users.grants.intro')}</Typography>
      {data.map((grant) => <GrantRow key={grant.id} grant={grant} mine={grant.requested_by === identity?.id} onDone={onDone} />)}
    </Alert>
  );
}
