// Who works the dispute. Anyone who works disputes can take it ("Assign to me"), let it go, or hand
// it to a colleague — support agents first — picked from GET /api/disputes/assignees, which
// support may read (the users list stays admins' only).
import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetIdentity, useTranslate, useUpdate } from 'react-admin';
import { useNotifyRefusal } from '../../common/useServerCall.ts';
import { UserName } from '../../common/UserName.tsx';
import type { KboDataProvider } from '../../dataProvider.ts';
import { useDisputeWork } from './DisputeWork.tsx';

function AssigneePicker({ value, onChange, disabled }: { value: string; onChange: (id: string | null) => void; disabled: boolean }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KboDataProvider>();
  const { identity } = useGetIdentity();
  const { data: people = [] } = useQuery({ queryKey: ['disputes', 'assignees'], queryFn: () => dataProvider.disputeAssignees(), staleTime: 60_000 });
  const others = people.filter((u) => u.id !== identity?.id);
  return (
    <TextField
      select
      size="small"
      label={translate('app.dispute_work.assign_to')}
      value={others.some((u) => u.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value || null)}
      disabled={disabled || others.length === 0}
      sx={{ minWidth: 200, maxWidth: '100%' }}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'assignee-picker' } as object } }}
    >
      <MenuItem value=""><em>{translate('app.dispute_work.nobody')}</em></MenuItem>
      {others.map((u) => <MenuItem key={u.id} value={u.id}>{u.name} · {translate(`app.enums.role.${u.role}`)}</MenuItem>)}
    </TextField>
  );
}

export function AssigneeControl() {
  const work = useDisputeWork();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
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
      <Typography variant="body1" component="p" sx={{ mb: 1 }} data-testid="assignee-name">
        {assignee
          ? <UserName id={assignee} name={work.dispute.assignee_name} />
          : <Box component="span" sx={{ color: 'text.secondary' }}>{translate('app.dispute_work.nobody')}</Box>}
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
          <AssigneePicker value={assignee ?? ''} onChange={assign} disabled={busy} />
        </Box>
      )}
    </Box>
  );
}
