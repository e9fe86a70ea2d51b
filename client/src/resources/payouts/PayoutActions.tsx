// Approve and decline, for admins, on payouts awaiting a decision. When the page already knows the
// server would refuse an approval — this admin gave the first of two, or the available balance
// does not cover the payout — Approve is disabled and the reason is written beside it, before
// anyone clicks.
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Button, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { ApproveDialog, DeclineDialog } from './DecisionDialogs.tsx';
import { hasApproved, isBalanceShort, isOpenPayout } from './payoutState.ts';
import { usePayoutBalance } from './usePayoutBalance.ts';

export function PayoutActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'payouts', action: 'approve' });
  const { available } = usePayoutBalance(isOpenPayout(record) ? record : undefined);
  const [dialog, setDialog] = useState<'approve' | 'decline' | null>(null);
  if (!record || !canAccess || !isOpenPayout(record)) return null;
  // The balance as loaded now wins over the one the record was read with.
  const short = available !== undefined ? available < Number(record.amount) : isBalanceShort(record);
  const refusal = hasApproved(record, identity?.id) ? 'app.payout.already_approved'
    : short ? 'app.screens.payout.approve_refused_short' : null;
  const close = () => setDialog(null);
  return (
    <>
      <Tooltip title={refusal ? translate(refusal) : ''}>
        {/* A disabled button fires no events: the span carries the tooltip. */}
        <span>
          <Button variant="contained" color="success" startIcon={<CheckIcon />} disabled={!!refusal} onClick={() => setDialog('approve')}>
            {translate('app.payout.approve')}
          </Button>
        </span>
      </Tooltip>
      <Button variant="outlined" color="error" startIcon={<CloseIcon />} onClick={() => setDialog('decline')}>
        {translate('app.payout.decline')}
      </Button>
      {refusal && (
        <Typography variant="caption" color="text.secondary" data-testid="approve-disabled-reason" sx={{ flexBasis: '100%', maxWidth: 360 }}>
          {translate(refusal)}
        </Typography>
      )}
      {/* Mounted per opening: each opening is one decision, with its own Idempotency-Key. */}
      {dialog === 'approve' && <ApproveDialog payout={record} onClose={close} />}
      {dialog === 'decline' && <DeclineDialog payout={record} onClose={close} />}
    </>
  );
}
