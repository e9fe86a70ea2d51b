// A payout: the merchant, the approvals it needed, and the ledger entry that debited it; while it
// awaits a decision, what the approver needs to weigh (balance, disputes, refunds) comes first.
import { Box, Typography } from '@mui/material';
import { TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Columns, FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { MerchantField } from '../../common/RecordLinks.tsx';
import { UserName } from '../../common/UserName.tsx';
import { Approvals } from './Approvals.tsx';
import { PayoutActions } from './PayoutActions.tsx';
import { PayoutDecision } from './PayoutDecision.tsx';
import { PayoutFlags } from './PayoutFlags.tsx';
import { userNameIn } from './payoutState.ts';
import { RelatedLedger } from '../transactions/RelatedLedger.tsx';

function PayoutNumber() {
  const record = useRecordContext();
  return record ? <Typography component="span" variant="body2">#{record.payout_number}</Typography> : null;
}

/** Under the amount: the payout's number, the merchant it pays, and the approver's markers. */
function PayoutSubtitle() {
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }} data-testid="payout-subtitle">
      <PayoutNumber />
      <span aria-hidden>·</span>
      <MerchantField />
      <PayoutFlags />
    </Box>
  );
}

function Ledger() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedLedger filter={{ source_id: record.id }} />
  );
}

export default function PayoutShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<MoneyField variant="h5" fontWeight={600} />} secondary={<PayoutSubtitle />} actions={<PayoutActions />} />
      <Columns
        main={
          <>
            <PayoutDecision />
            <Section title="app.show.details">
              <FieldGrid>
                <Item source="merchant_id"><MerchantField /></Item>
                <Item source="payout_number"><PayoutNumber /></Item>
                <Item source="amount"><MoneyField /></Item>
                <Item source="fee_amount"><MoneyField source="fee_amount" /></Item>
                <Item source="net_amount"><MoneyField source="net_amount" /></Item>
                <Item source="transaction_count"><TextField source="transaction_count" /></Item>
                <Item source="created_at"><DateTimeField source="created_at" /></Item>
                <Item source="decided_by"><DecidedBy /></Item>
                <Item source="decided_at"><DateTimeField source="decided_at" /></Item>
              </FieldGrid>
            </Section>
            <Ledger />
          </>
        }
        side={<Approvals />}
      />
    </ShowPage>
  );
}

/** Who decided, by name for every role (the payout carries its deciders' names), as the approvals panel says it. */
function DecidedBy() {
  const record = useRecordContext();
  if (!record?.decided_by) return <Typography component="span" variant="body2" color="text.secondary">—</Typography>;
  return <UserName id={record.decided_by} name={userNameIn(record, record.decided_by)} />;
}
