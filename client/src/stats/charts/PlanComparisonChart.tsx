// What a merchant's recent payments would have cost on each plan, for one currency: one bar per
// plan (cheapest first), the current plan in its own colour and labelled. Loaded on demand.
import { Box } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import type { comparisonPoints } from '../chartData.ts';
import { formatBpsRate, formatMoneyCompact, formatMoneyExact } from '../chartFormat.ts';
import { ChartTooltip } from './ChartTooltip.tsx';
import { useChartTheme } from './chartTheme.ts';

type Point = ReturnType<typeof comparisonPoints>[number];

export default function PlanComparisonChart({ points, currency }: { points: Point[]; currency: string }) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const c = useChartTheme();
  const height = Math.max(140, points.length * 44 + 40);

  const tooltip = ({ active, payload }: { active?: boolean; payload?: readonly { payload?: Point }[] }) => {
    const p = active ? payload?.[0]?.payload : undefined;
    if (!p) return null;
    const signed = (p.difference > 0 ? '+' : '') + formatMoneyExact(p.difference, currency, locale);
    return (
      <ChartTooltip
        title={p.current ? `${p.name} · ${translate('app.stats.current_plan')}` : p.name}
        lines={[
          { label: translate('app.stats.fees'), value: formatMoneyExact(p.fees, currency, locale), color: p.current ? c.current : c.other },
          { label: translate('app.stats.effective_rate'), value: formatBpsRate(p.effective_bps, locale) },
          { label: translate('app.stats.difference'), value: signed },
        ]}
      />
    );
  };

  return (
    <Box data-testid="comparison-chart" data-currency={currency}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={points} layout="vertical" margin={{ top: 4, right: 72, bottom: 0, left: 8 }}>
          <CartesianGrid stroke={c.grid} horizontal={false} />
          <XAxis type="number" dataKey="feesMajor" tickFormatter={(v: number) => formatMoneyCompact(v, currency, locale)} tick={c.axis} stroke={c.grid} />
          <YAxis type="category" dataKey="name" tick={c.axis} stroke={c.grid} width={140} />
          <Tooltip content={tooltip} cursor={{ fill: c.cursor }} />
          <Bar dataKey="feesMajor" name={translate('app.stats.fees')} radius={[0, 3, 3, 0]} maxBarSize={28} isAnimationActive={false}>
            {points.map((p) => <Cell key={p.plan_id} fill={p.current ? c.current : c.other} data-current={p.current || undefined} />)}
            <LabelList dataKey="feesMajor" position="right" formatter={(v: unknown) => formatMoneyCompact(Number(v), currency, locale)} style={{ fill: c.axis.fill, fontSize: 12 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
