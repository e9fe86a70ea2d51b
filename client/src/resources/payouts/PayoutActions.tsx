// Approve and decline, for admins, on payouts awaiting a decision. An admin who already gave the
// first approval of a large payout cannot give the second (the server refuses it too): the button
// says so before anyone clicks.
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Button, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { ApproveDialog, DeclineDialog } from './DecisionDialogs.tsx';
import { hasApproved, isOpenPayout } from './payoutState.ts';

export function PayoutActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'payouts', action: 'approve' });
  const [dialog, setDialog] = useState<'approve' | 'decline' | null>(null);
  if (!record || !canAccess || !isOpenPayout(record)) return null;
  const approvedAlready = hasApproved(record, identity?.id);
  const close = () => setDialog(null);
  return (
    <>
      <Tooltip title={approvedAlready ? translate('app.payout.already_approved') : ''}>
        {/* A disabled button fires no events: the span carries the tooltip. */}
        <span>
          <Button variant="contained" color="success" startIcon={<CheckIcon />} disabled={approvedAlready} onClick={() => setDialog('approve')}>
            {translate('app.payout.approve')}
          </Button>
        </span>
      </Tooltip>
      <Button variant="outlined" color="error" startIcon={<CloseIcon />} onClick={() => setDialog('decline')}>
        {translate('app.payout.decline')}
      </Button>
      {/* Mounted per opening: each opening is one decision, with its own Idempotency-Key. */}
      {dialog === 'approve' && <ApproveDialog payout={record} onClose={close} />}
      {dialog === 'decline' && <DeclineDialog payout={record} onClose={close} />}
    </>
  );
}
