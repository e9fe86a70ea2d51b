// The stats calls as cached queries (react-query, like every react-admin read): the dashboard,
// the reports page and the merchant page share the overview, and going back to a screen shows
// its last figures at once while they refresh.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { KboDataProvider } from '../dataProvider.ts';
import type { FeeQuery, PlanQuery, ReconciliationQuery } from './statsApi.ts';

export function useOverview() {
  const dp = useDataProvider<KboDataProvider>();
  return useQuery({ queryKey: ['stats', 'overview'], queryFn: () => dp.getOverview(), staleTime: 30_000 });
}

export function useFeeStats(params: FeeQuery, enabled = true) {
  const dp = useDataProvider<KboDataProvider>();
  // Keep the previous figures on screen while a new interval or range loads: no flash of empty.
  return useQuery({ queryKey: ['stats', 'fees', params], queryFn: () => dp.getFeeStats(params), enabled, placeholderData: keepPreviousData });
}

export function usePlanStats(params: PlanQuery, enabled = true) {
  const dp = useDataProvider<KboDataProvider>();
  return useQuery({ queryKey: ['stats', 'plans', params], queryFn: () => dp.getPlanStats(params), enabled, placeholderData: keepPreviousData });
}

export function usePlanComparison(merchantId: string | undefined) {
  const dp = useDataProvider<KboDataProvider>();
  return useQuery({ queryKey: ['stats', 'plan-comparison', merchantId], queryFn: () => dp.getPlanComparison(merchantId!), enabled: !!merchantId });
}

export function useReconciliation(params: ReconciliationQuery, enabled = true) {
  const dp = useDataProvider<KboDataProvider>();
  return useQuery({ queryKey: ['reports', 'reconciliation', params], queryFn: () => dp.getReconciliationPreview(params), enabled, placeholderData: keepPreviousData });
}
