// The approvals a payout needs and has: "Needs 2 approvals · 1 of 2 given", who gave each and
// when, and for a declined payout who declined it and why — never "No approvals yet" on a payout
// that will get none.
import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { Section } from '../../common/DetailLayout.tsx';
import { UserName } from '../../common/UserName.tsx';
import { approvalsOf, approvalsRequiredOf, isOpenPayout, userNameIn } from './payoutState.ts';

function Muted({ children, testId }: { children: string; testId?: string }) {
  return <Typography variant="body2" color="text.secondary" data-testid={testId}>{children}</Typography>;
}

export function Approvals() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const approvals = approvalsOf(record);
  const required = approvalsRequiredOf(record);
  const open = isOpenPayout(record);
  const declined = record.status === 'declined';
  const empty = open ? 'app.show.no_approvals' : declined ? 'app.screens.payout.not_approved' : 'app.screens.payout.no_approvals_recorded';
  return (
    <Section title="app.show.approvals" testId="payout-approvals">
      {!declined && (
        <Typography variant="body2" fontWeight={600} data-testid="approvals-needed" sx={{ mb: 0.5 }}>
          {translate(required === 2 ? 'app.screens.payout.needs_two' : 'app.screens.payout.needs_one')}
          {' · '}
          {translate('app.screens.payout.given', { given: Math.min(approvals.length, required), required })}
        </Typography>
      )}
      {approvals.length === 0 && <Muted testId="approvals-empty">{translate(empty)}</Muted>}
      {approvals.map((a) => (
        <Box key={`${a.user_id}-${a.at}`} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap', py: 0.5 }}>
          <UserName id={a.user_id} name={userNameIn(record, a.user_id)} />
          <Box sx={{ color: 'text.secondary' }}><DateTimeText value={a.at} /></Box>
        </Box>
      ))}
      {declined && (
        <Box sx={{ mt: 1 }} data-testid="payout-declined-by">
          <Typography variant="body2" color="error" component="div">
            {translate('app.screens.payout.declined_by')}{' '}
            <UserName id={record.decided_by} name={userNameIn(record, record.decided_by)} />
            {record.decided_at && <>{' · '}<DateTimeText value={record.decided_at} /></>}
          </Typography>
          {record.decline_reason && (
            <Typography variant="body2" color="error" sx={{ mt: 0.5 }}>
              {translate('resources.payouts.fields.decline_reason')}: {record.decline_reason}
            </Typography>
          )}
        </Box>
      )}
    </Section>
  );
}
