// A dispute and the workspace to answer it: the deadline, the assignee and what the response
// still needs at the top; the response, evidence and notes; the disputed payment and its
// customer beside them; and the ledger entries the dispute caused (the debit when it opened,
// the credit back if won). Support and admins work it; operators read it.
import { useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { Columns, FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { MerchantField } from '../../common/RecordLinks.tsx';
import { UserName } from '../../common/UserName.tsx';
import { DisputeActions } from './DisputeActions.tsx';
import { DisputeNotes } from './DisputeNotes.tsx';
import { DisputeReason } from './DisputeReason.tsx';
import { DisputeWorkPanel } from './DisputeWorkPanel.tsx';
import { DisputeWorkProvider } from './DisputeWork.tsx';
import { DueDate } from './DueDate.tsx';
import { Evidence } from './Evidence.tsx';
import { PaymentContext } from './PaymentContext.tsx';
import { ResponseEditor } from './ResponseEditor.tsx';
import { RelatedLedger } from '../transactions/RelatedLedger.tsx';

function Ledger() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedLedger filter={{ source_id: record.id }} />
  );
}

function AssigneeName() {
  const record = useRecordContext();
  return record?.assignee_id ? <UserName id={record.assignee_id} name={record.assignee_name} /> : <>—</>;
}

function Details() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Section title="app.show.details">
      <FieldGrid>
        <Item source="merchant_id"><MerchantField /></Item>
        <Item source="reason_code"><DisputeReason /></Item>
        <Item source="dispute_date"><DateTimeField source="dispute_date" dateOnly /></Item>
        <Item source="response_due_date"><DueDate /></Item>
        <Item source="closed_date"><DateTimeField source="closed_date" dateOnly /></Item>
        <Item source="assignee_id"><AssigneeName /></Item>
        <Item source="submitted_at"><DateTimeField source="submitted_at" /></Item>
        <Item source="created_at"><DateTimeField source="created_at" /></Item>
      </FieldGrid>
    </Section>
  );
}

export default function DisputeShow() {
  return (
    <ShowPage>
      <DisputeWorkProvider>
        <RecordHeader primary={<MoneyField variant="h5" fontWeight={600} />} secondary={<DisputeReason />} actions={<DisputeActions />} />
        <DisputeWorkPanel />
        <Columns
          main={
            <>
              <ResponseEditor />
              <Evidence />
              <DisputeNotes />
              <Ledger />
            </>
          }
          side={
            <>
              <PaymentContext />
              <Details />
            </>
          }
        />
      </DisputeWorkProvider>
    </ShowPage>
  );
}
