// The top of the dispute workspace: how long is left, who works it, and what the response still
// needs before it can be submitted — or, once it is out of our hands, where it stands.
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { StatusChip } from '../../common/StatusChip.tsx';
import { AssigneeControl } from './AssigneeControl.tsx';
import { DeadlineCountdown } from './DeadlineCountdown.tsx';
import { useDisputeWork } from './DisputeWork.tsx';
import { ReadinessChecklist } from './ReadinessChecklist.tsx';

function Block({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="overline" color="text.secondary" component="h2" sx={{ lineHeight: 1.6 }}>{translate(title)}</Typography>
      {children}
    </Box>
  );
}

export function DisputeWorkPanel() {
  const work = useDisputeWork();
  const translate = useTranslate();
  if (!work) return null;
  const { dispute } = work;
  return (
    <Box
      data-testid="dispute-work"
      sx={{
        display: 'grid', gap: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: 'background.paper',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', md: 'repeat(3, minmax(0, 1fr))' },
      }}
    >
      <Block title={work.isOpen ? 'app.dispute_work.deadline' : 'resources.disputes.fields.status'}>
        {work.isOpen ? (
          <DeadlineCountdown dueDate={dispute.response_due_date} now={work.now} />
        ) : (
          <Box>
            <StatusChip status={dispute.status} />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {dispute.closed_date
                ? <>{translate('app.dispute_work.closed_on')} <DateTimeText value={dispute.closed_date} dateOnly /></>
                : dispute.submitted_at ? <>{translate('app.dispute_work.submitted_on')} <DateTimeText value={dispute.submitted_at} /></> : null}
            </Typography>
          </Box>
        )}
      </Block>
      <Block title="resources.disputes.fields.assignee_id"><AssigneeControl /></Block>
      {work.isOpen && work.can.submit && <Block title="app.dispute_work.checklist"><ReadinessChecklist /></Block>}
    </Box>
  );
}
