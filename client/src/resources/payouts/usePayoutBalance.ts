// The available balance a payout would be debited from (none yet means nothing available).
import { useGetOne, type RaRecord } from 'react-admin';
import { balanceIdOf } from './payoutState.ts';

export function usePayoutBalance(payout: RaRecord | undefined) {
  const { data, isPending, error } = useGetOne(
    'balances',
    { id: payout ? balanceIdOf(payout) : '' },
    { enabled: !!payout, retry: false },
  );
  const missing = (error as { status?: number } | null)?.status === 404;
  return {
    isPending: isPending && !missing,
    available: data ? Number(data.available) : missing ? 0 : undefined,
    pending: data ? Number(data.pending) : missing ? 0 : undefined,
    balanceId: payout ? balanceIdOf(payout) : undefined,
  };
}
