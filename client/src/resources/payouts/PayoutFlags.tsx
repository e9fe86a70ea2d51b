// The markers an approver scans the queue for: "Balance short" (approving would be refused) and
// "Needs 2 approvals" (two different admins), on open payouts only, beside the status.
import { Box, Chip, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { StatusField } from '../../common/StatusChip.tsx';
import { approvalsRequiredOf, isBalanceShort, isOpenPayout } from './payoutState.ts';

export function PayoutFlags() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!isOpenPayout(record)) return null;
  const two = approvalsRequiredOf(record) === 2;
  const short = isBalanceShort(record);
  if (!two && !short) return null;
  return (
    <>
      {short && (
        <Tooltip title={translate('app.screens.payout.balance_short_help')}>
          <Chip size="small" color="error" variant="outlined" label={translate('app.screens.payout.balance_short')} data-testid="flag-balance-short" sx={{ height: 22 }} />
        </Tooltip>
      )}
      {two && (
        <Tooltip title={translate('app.screens.payout.needs_two_help')}>
          <Chip size="small" variant="outlined" label={translate('app.screens.payout.needs_two')} data-testid="flag-needs-two" sx={{ height: 22 }} />
        </Tooltip>
      )}
    </>
  );
}

/** The status chip with the payout's markers beside it (list column, record header). */
export function PayoutStatusWithFlags() {
  return (
    // Flags wrap under the status when the table is short of room (a 1440 px laptop, issue #13).
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
      <StatusField />
      <PayoutFlags />
    </Box>
  );
}
