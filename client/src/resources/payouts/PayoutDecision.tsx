// What an approver weighs before deciding on a payout awaiting approval: the merchant's balance
// and what the payout leaves of it, fees and net, how far the approvals have come, and the
// merchant's open disputes and recent refunds (money that may yet leave the balance).
import { Alert, Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { formatMoney } from '../../../../shared/currencies.ts';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { Section } from '../../common/DetailLayout.tsx';
import { MoneyField, MoneyText } from '../../common/MoneyField.tsx';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import { UserName } from '../../common/UserName.tsx';
import { approvalsOf, isOpenPayout, needsSecondApproval, userNameIn } from './payoutState.ts';
import { usePayoutBalance } from './usePayoutBalance.ts';
import { RelatedRefunds } from '../refunds/RelatedRefunds.tsx';
import { RelatedDisputes } from '../disputes/RelatedDisputes.tsx';

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 0 }} data-testid={testId}>
      <Typography variant="caption" color="text.secondary" component="div">{translate(label)}</Typography>
      {children}
    </Box>
  );
}

function ApprovalStage() {
  const record = useRecordContext()!;
  const translate = useTranslate();
  const first = approvalsOf(record)[0];
  if (needsSecondApproval(record) && first) {
    return (
      <Alert severity="warning" data-testid="approval-stage">
        <strong>{translate('app.payout.requires_two')}</strong>{' '}
        {translate('app.payout.first_by')} <UserName id={first.user_id} name={userNameIn(record, first.user_id)} />, <DateTimeText value={first.at} />.{' '}
        {translate('app.payout.second_needed')}
      </Alert>
    );
  }
  return <Alert severity="info" data-testid="approval-stage">{translate('app.payout.awaiting')}</Alert>;
}

function BalanceCheck() {
  const record = useRecordContext()!;
  const translate = useTranslate();
  const locale = useIntlLocale();
  const createPath = useCreatePath();
  const { available, pending, balanceId } = usePayoutBalance(record);
  const amount = Number(record.amount);
  const after = available === undefined ? undefined : available - amount;
  const covered = after !== undefined && after >= 0;
  return (
    <>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', sm: 'repeat(3, minmax(0, 1fr))', md: 'repeat(6, minmax(0, 1fr))' } }}>
        <Figure label="resources.payouts.fields.amount"><MoneyField fontWeight={600} /></Figure>
        <Figure label="resources.payouts.fields.fee_amount"><MoneyField source="fee_amount" /></Figure>
        <Figure label="app.payout.net_to_merchant"><MoneyField source="net_amount" /></Figure>
        <Figure label="app.payout.available" testId="payout-available">
          {balanceId ? (
            <Link to={createPath({ resource: 'balances', id: balanceId, type: 'show' })}>
              <MoneyText amount={available} currency={record.currency} />
            </Link>
          ) : null}
        </Figure>
        <Figure label="app.payout.pending_balance"><MoneyText amount={pending} currency={record.currency} /></Figure>
        <Figure label="app.payout.after"><MoneyText amount={after} currency={record.currency} signed={after !== undefined && after < 0} /></Figure>
      </Box>
      {available !== undefined && (
        <Alert severity={covered ? 'success' : 'error'} variant="outlined" sx={{ mt: 2 }} data-testid="balance-check">
          {covered
            ? translate('app.payout.covered', { available: formatMoney(available, record.currency, locale) })
            : translate('app.payout.not_covered', { short: formatMoney(amount - available, record.currency, locale) })}
        </Alert>
      )}
    </>
  );
}

const OPEN_DISPUTES = ['needs_response', 'under_review'];

export function PayoutDecision() {
  const record = useRecordContext();
  if (!isOpenPayout(record)) return null;
  return (
    <>
      <Section title="app.payout.decision" testId="payout-decision">
        <ApprovalStage />
        <Box sx={{ mt: 2 }}><BalanceCheck /></Box>
      </Section>
      <RelatedDisputes
        title="app.payout.open_disputes"
        filter={{ merchant_id: record!.merchant_id, status: OPEN_DISPUTES }}
        sort={{ field: 'response_due_date', order: 'ASC' }}
        testId="payout-open-disputes"
      />
      <RelatedRefunds title="app.payout.recent_refunds" filter={{ merchant_id: record!.merchant_id }} testId="payout-recent-refunds" />
    </>
  );
}
