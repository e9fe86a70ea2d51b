// The recharts components, each loaded on first use behind a skeleton of the same height:
// recharts (~100 kB gzip) never weighs on the first download (docs/scaling.md, "Targets").
import { lazy, Suspense, type ComponentProps } from 'react';
import { ChartSkeleton } from './ChartCard.tsx';

const FeeChartLazy = lazy(() => import('./charts/FeeChart.tsx'));
const PlanChartLazy = lazy(() => import('./charts/PlanChart.tsx'));
const PlanComparisonChartLazy = lazy(() => import('./charts/PlanComparisonChart.tsx'));

export function FeeChart(props: ComponentProps<typeof FeeChartLazy>) {
  return <Suspense fallback={<ChartSkeleton height={props.height ?? 300} />}><FeeChartLazy {...props} /></Suspense>;
}

export function PlanChart(props: ComponentProps<typeof PlanChartLazy>) {
  return <Suspense fallback={<ChartSkeleton height={props.height ?? 300} />}><PlanChartLazy {...props} /></Suspense>;
}

export function PlanComparisonChart(props: ComponentProps<typeof PlanComparisonChartLazy>) {
  return <Suspense fallback={<ChartSkeleton height={200} />}><PlanComparisonChartLazy {...props} /></Suspense>;
}
