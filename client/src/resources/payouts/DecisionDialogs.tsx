// The approve and decline dialogs: what the decision does to the merchant's money, then the
// server's answer. An approval may be the first of two (large payouts): the answer says so.
import { Alert, Box, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetOne, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { formatMoney } from '../../../../shared/currencies.ts';
import { ActionDialog } from '../../common/ActionDialog.tsx';
import { useIdempotentAction } from '../../common/useIdempotentAction.ts';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import type { KboDataProvider } from '../../dataProvider.ts';
import { needsSecondApproval } from './payoutState.ts';
import { usePayoutBalance } from './usePayoutBalance.ts';

interface DialogProps {
  payout: RaRecord;
  onClose: () => void;
}

function useMoney(currency: string) {
  const locale = useIntlLocale();
  return (minor: number) => formatMoney(minor, currency, locale);
}

function useMerchantName(id: string) {
  return useGetOne('merchants', { id }).data?.name ?? id;
}

export function ApproveDialog({ payout, onClose }: DialogProps) {
  const dataProvider = useDataProvider<KboDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const money = useMoney(payout.currency);
  const merchant = useMerchantName(payout.merchant_id);
  const { available } = usePayoutBalance(payout);
  const amount = Number(payout.amount);
  const number = payout.payout_number;

  const action = useIdempotentAction(
    (_: null, key: string) => dataProvider.approvePayout(String(payout.id), key),
    (result) => {
      if (result.status === 'pending_second_approval') {
        notify('app.payout.first_approval_done', { type: 'warning', messageArgs: { number } });
      } else {
        notify('app.payout.approved_done', { type: 'success', messageArgs: { number, amount: money(amount) } });
      }
      refresh();
      onClose();
    },
  );

  const short = available !== undefined && available < amount;
  return (
    <ActionDialog
      open
      onClose={onClose}
      title="app.payout.approve_title"
      confirmLabel="app.payout.approve"
      onConfirm={() => void action.submit(null)}
      sending={action.sending}
      error={action.error}
      uncertain={action.uncertain}
      testId="approve-dialog"
    >
      <Typography>{translate('app.payout.approve_question', { number, amount: money(amount), merchant })}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(needsSecondApproval(payout) ? 'app.payout.approve_second' : 'app.payout.approve_first', { amount: money(amount) })}
      </Typography>
      {available !== undefined && (
        <Alert severity={short ? 'error' : 'info'} variant="outlined">
          {translate(short ? 'app.payout.balance_short' : 'app.payout.balance_after', {
            available: money(available), after: money(available - amount), short: money(amount - available),
          })}
        </Alert>
      )}
    </ActionDialog>
  );
}

const REASON_MAX = 500;

export function DeclineDialog({ payout, onClose }: DialogProps) {
  const dataProvider = useDataProvider<KboDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const money = useMoney(payout.currency);
  const merchant = useMerchantName(payout.merchant_id);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const number = payout.payout_number;

  const action = useIdempotentAction(
    (body: string, key: string) => dataProvider.declinePayout(String(payout.id), body, key),
    () => {
      notify('app.payout.declined_done', { type: 'info', messageArgs: { number } });
      refresh();
      onClose();
    },
  );
  const missing = reason.trim() === '';
  return (
    <ActionDialog
      open
      onClose={onClose}
      title="app.payout.decline_title"
      confirmLabel="app.payout.decline"
      onConfirm={() => {
        setTried(true);
        if (!missing) void action.submit(reason.trim());
      }}
      sending={action.sending}
      error={action.error}
      uncertain={action.uncertain}
      danger
      testId="decline-dialog"
    >
      <Typography>{translate('app.payout.decline_question', { number, amount: money(Number(payout.amount)), merchant })}</Typography>
      <Typography variant="body2" color="text.secondary">{translate('app.payout.decline_effect')}</Typography>
      <Box>
        <TextField
          label={translate('app.payout.decline_reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value.slice(0, REASON_MAX))}
          error={tried && missing}
          helperText={tried && missing ? translate('app.payout.reason_required') : translate('app.payout.reason_help')}
          disabled={action.sending || action.uncertain}
          multiline
          minRows={2}
          fullWidth
          required
          autoFocus
        />
      </Box>
    </ActionDialog>
  );
}
