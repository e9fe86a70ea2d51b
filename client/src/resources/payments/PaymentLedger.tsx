// Every ledger entry the payment caused: the charge and its fee, then those of its refunds and
// disputes (entries point at their own source, so the ids are gathered first).
import { useRecordContext } from 'react-admin';
import { usePaymentChildren } from './usePaymentChildren.ts';
import { RelatedLedger } from '../transactions/RelatedLedger.tsx';

export function PaymentLedger() {
  const payment = useRecordContext();
  const { refunds, disputes, isPending } = usePaymentChildren(payment?.id as string | undefined);
  if (!payment || isPending) return null;
  const sources = [payment.id, ...refunds.map((r) => r.id), ...disputes.map((d) => d.id)];
  return (
    <RelatedLedger filter={{ source_id: sources }} sort={{ field: 'created_at', order: 'ASC' }} perPage={10} />
  );
}
