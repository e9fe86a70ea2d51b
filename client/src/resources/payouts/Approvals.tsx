// Who approved a payout and when: one approval, or two different admins above the
// dual-approval threshold.
import { Box, Typography } from '@mui/material';
import { RecordContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { Section } from '../../common/DetailLayout.tsx';
import { UserField } from '../../common/RecordLinks.tsx';

export function Approvals() {
  const record = useRecordContext();
  const translate = useTranslate();
  const approvals: Array<{ user_id: string; at: string }> = record?.approvals ?? [];
  return (
    <Section title="app.show.approvals" testId="payout-approvals">
      {approvals.length === 0 && <Typography variant="body2" color="text.secondary">{translate('app.show.no_approvals')}</Typography>}
      {approvals.map((a) => (
        <RecordContextProvider key={`${a.user_id}-${a.at}`} value={{ id: a.user_id, ...a }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap', py: 0.5 }}>
            <UserField source="user_id" />
            <Box sx={{ color: 'text.secondary' }}><DateTimeText value={a.at} /></Box>
          </Box>
        </RecordContextProvider>
      ))}
      {record?.decline_reason && (
        <Typography variant="body2" color="error" sx={{ mt: 1 }}>
          {translate('resources.payouts.fields.decline_reason')}: {record.decline_reason}
        </Typography>
      )}
    </Section>
  );
}
