// A payment's refunds and disputes, fetched once and shared by the timeline and the ledger.
import { useGetList } from 'react-admin';

const ALL = { page: 1, perPage: 100 };
const OLDEST_FIRST = { field: 'created_at', order: 'ASC' as const };

export function usePaymentChildren(paymentId: string | undefined) {
  const enabled = !!paymentId;
  const refunds = useGetList('refunds', { filter: { payment_id: paymentId }, pagination: ALL, sort: OLDEST_FIRST }, { enabled });
  const disputes = useGetList('disputes', { filter: { payment_id: paymentId }, pagination: ALL, sort: OLDEST_FIRST }, { enabled });
  return {
    refunds: refunds.data ?? [],
    disputes: disputes.data ?? [],
    isPending: refunds.isPending || disputes.isPending,
  };
}
