// Volume, fees and effective rate over time for ONE currency (currencies are never drawn
// together). Two charts sharing the time axis and the hover (syncId): volume as an area on its
// own money scale, then fees as bars with the effective rate as a line on a second, percent axis.
// Volume and fees differ ~30×, so one money axis for both would flatten the fees to nothing.
// Loaded on demand (React.lazy): recharts stays out of the first download.
import { Box } from '@mui/material';
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import type { FeePoint } from '../chartData.ts';
import { formatBpsRate, formatCount, formatMoneyCompact, formatMoneyExact, formatPeriod } from '../chartFormat.ts';
import type { Interval } from '../statsApi.ts';
import { ChartTooltip } from './ChartTooltip.tsx';
import { legendText, useChartTheme } from './chartTheme.ts';
import { rateAxis } from './rateAxis.tsx';

export interface FeeChartProps {
  points: FeePoint[];
  currency: string;
  interval: Interval;
  /** Distinguishes the hover sync of two fee charts on one page. */
  syncId?: string;
  height?: number;
}

export default function FeeChart({ points, currency, interval, syncId = 'fees', height = 300 }: FeeChartProps) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const c = useChartTheme();
  const money = (v: number) => formatMoneyCompact(v, currency, locale);
  const period = (p: string) => formatPeriod(p, interval, locale);
  const maxBps = Math.max(0, ...points.map((p) => p.effectiveBps ?? 0));

  const tooltip = ({ active, payload }: { active?: boolean; payload?: readonly { payload?: FeePoint }[] }) => {
    const p = active ? payload?.[0]?.payload : undefined;
    if (!p) return null;
    return (
      <ChartTooltip
        title={period(p.period)}
        lines={[
          { label: translate('app.stats.volume'), value: formatMoneyExact(p.volumeMinor, currency, locale), color: c.volume },
          { label: translate('app.stats.fees'), value: formatMoneyExact(p.feesMinor, currency, locale), color: c.fees },
          { label: translate('app.stats.effective_rate'), value: formatBpsRate(p.effectiveBps, locale), color: c.rate },
          { label: translate('app.stats.count'), value: formatCount(p.count, locale) },
        ]}
      />
    );
  };
  const xAxis = (labels: boolean) => (
    <XAxis dataKey="period" tickFormatter={period} tick={labels ? c.axis : false} height={labels ? 30 : 4} stroke={c.grid} minTickGap={16} />
  );
  const margin = { top: 8, right: 8, bottom: 0, left: 8 };

  return (
    <Box data-testid="fee-chart" data-currency={currency} data-interval={interval} sx={legendText(c.legend.color)}>
      <ResponsiveContainer width="100%" height={Math.round(height * 0.45)}>
        <ComposedChart data={points} syncId={syncId} margin={margin}>
          <CartesianGrid stroke={c.grid} vertical={false} />
          {/* The time axis is labelled once, under the fee chart below. */}
          {xAxis(false)}
          <YAxis yAxisId="money" tickFormatter={money} tick={c.axis} stroke={c.grid} width={72} />
          {/* Same width as the fee chart's percent axis, so both plots line up. */}
          <YAxis yAxisId="spacer" orientation="right" width={56} tick={false} axisLine={false} />
          <Tooltip content={tooltip} cursor={{ fill: c.cursor, stroke: c.grid }} />
          <Legend verticalAlign="top" align="left" height={28} iconType="square" wrapperStyle={c.legend} />
          <Area yAxisId="money" type="monotone" dataKey="volume" name={translate('app.stats.volume')} stroke={c.volume} fill={c.volumeFill} strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height={Math.round(height * 0.55)}>
        <ComposedChart data={points} syncId={syncId} margin={margin}>
          <CartesianGrid stroke={c.grid} vertical={false} />
          {xAxis(true)}
          <YAxis yAxisId="money" tickFormatter={money} tick={c.axis} stroke={c.grid} width={72} />
          {rateAxis(c, locale, maxBps)}
          <Tooltip content={tooltip} cursor={{ fill: c.cursor }} />
          <Legend verticalAlign="top" align="left" height={28} iconType="square" wrapperStyle={c.legend} />
          <Bar yAxisId="money" dataKey="fees" name={translate('app.stats.fees')} fill={c.fees} radius={[3, 3, 0, 0]} maxBarSize={36} isAnimationActive={false} />
          <Line yAxisId="rate" type="monotone" dataKey="effectiveBps" name={translate('app.stats.effective_rate')} stroke={c.rate} strokeWidth={2} dot={points.length <= 31 ? { r: 2.5 } : false} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </Box>
  );
}
