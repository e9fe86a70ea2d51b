// The right-hand axis for rates (effective and nominal, in % of volume), shared by the fee and
// plan charts so both read the same. A function, not a component: recharts finds its axes
// among the chart's direct children.
import { YAxis } from 'recharts';
import { formatBpsRate, rateTicks } from '../chartFormat.ts';
import type { useChartTheme } from './chartTheme.ts';

export function rateAxis(c: ReturnType<typeof useChartTheme>, locale: string, maxBps: number) {
  const ticks = rateTicks(maxBps);
  return (
    <YAxis
      yAxisId="rate"
      orientation="right"
      tickFormatter={(v: number) => formatBpsRate(v, locale)}
      tick={c.axis}
      stroke={c.grid}
      width={56}
      ticks={ticks}
      interval={0}
      domain={[0, ticks.at(-1)!]}
    />
  );
}
