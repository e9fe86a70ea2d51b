// The recharts components, each loaded on first use behind a skeleton of the same height:
// recharts (~100 kB gzip) never weighs on the first download (docs/scaling.md, "Targets").
// The home page preloads the fee and plan charts (preloadDashboardCharts) while its data loads.
import { Suspense, type ComponentProps } from 'react';
import { lazyView } from '../lazyView.ts';
import { ChartSkeleton } from './ChartCard.tsx';

const FeeChartLazy = lazyView(() => import('./charts/FeeChart.tsx'));
const PlanChartLazy = lazyView(() => import('./charts/PlanChart.tsx'));
const PlanComparisonChartLazy = lazyView(() => import('./charts/PlanComparisonChart.tsx'));

/** The home page's charts start downloading before their numbers arrive, not after. */
export function preloadDashboardCharts(): void {
  void FeeChartLazy.preload();
  void PlanChartLazy.preload();
}

export function FeeChart(props: ComponentProps<typeof FeeChartLazy>) {
  return <Suspense fallback={<ChartSkeleton height={props.height ?? 300} />}><FeeChartLazy {...props} /></Suspense>;
}

export function PlanChart(props: ComponentProps<typeof PlanChartLazy>) {
  return <Suspense fallback={<ChartSkeleton height={props.height ?? 300} />}><PlanChartLazy {...props} /></Suspense>;
}

export function PlanComparisonChart(props: ComponentProps<typeof PlanComparisonChartLazy>) {
  return <Suspense fallback={<ChartSkeleton height={200} />}><PlanComparisonChartLazy {...props} /></Suspense>;
}
