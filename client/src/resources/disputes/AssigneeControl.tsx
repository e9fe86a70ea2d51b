// Who works the dispute. Anyone who works disputes can take it ("Assign to me") or let it go;
// admins, who may list users, can also hand it to a support colleague.
import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useCanAccess, useGetIdentity, useGetList, useTranslate, useUpdate } from 'react-admin';
import { useNotifyRefusal } from '../../common/useServerCall.ts';
import { UserName } from '../../common/UserName.tsx';
import { useDisputeWork } from './DisputeWork.tsx';

function AssigneePicker({ value, onChange, disabled }: { value: string; onChange: (id: string | null) => void; disabled: boolean }) {
  const translate = useTranslate();
  const { data: users = [] } = useGetList('users', {
    filter: { role: ['support', 'admin'], disabled: false }, pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' },
  });
  return (
    <TextField
      select
      size="small"
      label={translate('app.dispute_work.assign_to')}
      value={users.some((u) => u.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value || null)}
      disabled={disabled}
      sx={{ minWidth: 200, maxWidth: '100%' }}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'assignee-picker' } as object } }}
    >
      <MenuItem value=""><em>{translate('app.dispute_work.nobody')}</em></MenuItem>
      {users.map((u) => <MenuItem key={u.id} value={u.id}>{u.name} · {translate(`app.enums.role.${u.role}`)}</MenuItem>)}
    </TextField>
  );
}

export function AssigneeControl() {
  const work = useDisputeWork();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
  // PUT /api/disputes/:id with only assignee_id; the answer updates every view of the dispute.
  const [update, { isPending: busy }] = useUpdate();
  const refused = useNotifyRefusal();
  if (!work) return null;
  const assignee: string | null = work.dispute.assignee_id ?? null;
  const mine = !!identity && assignee === identity.id;
  const canChange = work.can.assign && work.isOpen;
  const assign = (to: string | null) =>
    update('disputes', { id: work.id, data: { assignee_id: to }, previousData: work.dispute }, { onError: refused });
  return (
    <Box data-testid="dispute-assignee">
      <Typography variant="body1" component="p" sx={{ mb: 1 }}>
        {assignee ? <UserName id={assignee} /> : <Box component="span" sx={{ color: 'text.secondary' }}>{translate('app.dispute_work.nobody')}</Box>}
      </Typography>
      {canChange && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          {!mine && identity && (
            <Button size="small" variant="outlined" disabled={busy} onClick={() => assign(String(identity.id))}>
              {translate('app.dispute_work.assign_me')}
            </Button>
          )}
          {assignee && (
            <Button size="small" disabled={busy} onClick={() => assign(null)}>{translate('app.dispute_work.unassign')}</Button>
          )}
          {canListUsers && <AssigneePicker value={assignee ?? ''} onChange={assign} disabled={busy} />}
        </Box>
      )}
    </Box>
  );
}
