// Per processing plan, for one currency: captured volume as bars (money axis), and the
// effective rate (fees ÷ volume) next to the plan's nominal rate on a percent axis, so a plan
// whose merchants pay far above its headline rate stands out. Loaded on demand.
import { Box } from '@mui/material';
import { Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import type { PlanPoint } from '../chartData.ts';
import { formatBpsRate, formatCount, formatMoneyCompact, formatMoneyExact } from '../chartFormat.ts';
import { ChartTooltip } from './ChartTooltip.tsx';
import { legendText, useChartTheme } from './chartTheme.ts';
import { rateAxis } from './rateAxis.tsx';

export type PlanChartPoint = PlanPoint & { nominalBps: number | null };

export default function PlanChart({ points, currency, height = 300 }: { points: PlanChartPoint[]; currency: string; height?: number }) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const c = useChartTheme();
  const maxBps = Math.max(0, ...points.flatMap((p) => [p.effectiveBps ?? 0, p.nominalBps ?? 0]));

  const tooltip = ({ active, payload }: { active?: boolean; payload?: readonly { payload?: PlanChartPoint }[] }) => {
    const p = active ? payload?.[0]?.payload : undefined;
    if (!p) return null;
    return (
      <ChartTooltip
        title={`${p.name} · ${translate(`app.enums.plan_type.${p.planType}`)}`}
        lines={[
          { label: translate('app.stats.volume'), value: formatMoneyExact(p.volumeMinor, currency, locale), color: c.volume },
          { label: translate('app.stats.fees'), value: formatMoneyExact(p.feesMinor, currency, locale) },
          { label: translate('app.stats.effective_rate'), value: formatBpsRate(p.effectiveBps, locale), color: c.rate },
          { label: translate('app.stats.nominal_rate'), value: formatBpsRate(p.nominalBps, locale), color: c.nominal },
          { label: translate('app.stats.merchants_active'), value: `${formatCount(p.merchants, locale)} / ${formatCount(p.merchantsOnPlan, locale)}` },
        ]}
      />
    );
  };

  return (
    <Box data-testid="plan-chart" data-currency={currency} sx={legendText(c.legend.color)}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke={c.grid} vertical={false} />
          {/* Plan names are long: slanted so every one is readable. */}
          <XAxis dataKey="name" tick={{ ...c.axis, textAnchor: 'end' }} angle={-25} height={64} stroke={c.grid} interval={0} />
          <YAxis yAxisId="money" tickFormatter={(v: number) => formatMoneyCompact(v, currency, locale)} tick={c.axis} stroke={c.grid} width={72} />
          {rateAxis(c, locale, maxBps)}
          <Tooltip content={tooltip} cursor={{ fill: c.cursor }} />
          <Legend verticalAlign="top" align="left" height={28} iconType="square" wrapperStyle={c.legend} />
          <Bar yAxisId="money" dataKey="volume" name={translate('app.stats.volume')} fill={c.volume} radius={[3, 3, 0, 0]} maxBarSize={56} isAnimationActive={false} />
          {/* Rates as markers, not lines: plans are categories, nothing lies between two of them. */}
          <Scatter yAxisId="rate" dataKey="effectiveBps" name={translate('app.stats.effective_rate')} fill={c.rate} shape="circle" legendType="circle" isAnimationActive={false} />
          <Scatter yAxisId="rate" dataKey="nominalBps" name={translate('app.stats.nominal_rate')} fill={c.nominal} shape="diamond" legendType="diamond" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </Box>
  );
}
