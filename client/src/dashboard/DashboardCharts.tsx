// The fee chart and the plan chart with their filters. The date range (default: the last 90
// days up to the server's today) and the currency apply to both; interval, merchant and plan
// to the fee chart. Money is drawn one currency at a time, chosen among those with volume.
import {
  Box, Card, CardContent, FormControl, InputLabel, MenuItem, Select, Table, TableBody, TableCell, TableHead, TableRow,
  ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { formatMoney } from '../../../shared/currencies.ts';
import { useIntlLocale } from '../common/useIntlLocale.ts';
import { ChartCard, ChartEmpty, ChartError, ChartSkeleton } from '../stats/ChartCard.tsx';
import { currenciesByActivity, feeSeries, planPoints, seriesTotals } from '../stats/chartData.ts';
import { formatBpsRate, formatCount } from '../stats/chartFormat.ts';
import { lastDays, validRange } from '../../../shared/days.ts';
import { FeeChart, PlanChart, preloadDashboardCharts } from '../stats/lazyCharts.tsx';
import { MerchantPicker, type MerchantChoice } from '../stats/MerchantPicker.tsx';
import { CurrencySelect, DateRangeFields } from '../stats/StatsFilters.tsx';
import type { Widget } from './roles.ts';
import type { Interval } from '../stats/statsApi.ts';
import { useFeeStats, useOverview, usePlanStats } from '../stats/useStats.ts';

const INTERVALS: Interval[] = ['day', 'week', 'month'];

export function DashboardCharts({ widgets }: { widgets: Set<Widget> }) {
  const { data: overview, error } = useOverview();
  const charted = widgets.has('fee_chart') || widgets.has('plan_chart');
  useEffect(() => { if (charted) preloadDashboardCharts(); }, [charted]);
  if (!charted) return null;
  if (error) return <ChartError error={error} />;
  if (!overview) return <ChartSkeleton height={420} />;
  return <Charts today={overview.today} widgets={widgets} />;
}

function Charts({ today, widgets }: { today: string; widgets: Set<Widget> }) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const [range, setRange] = useState(() => lastDays(today, 90));
  const [interval, setInterval] = useState<Interval>('week');
  const [chosenCurrency, setCurrency] = useState<string | null>(null);
  const [merchant, setMerchant] = useState<MerchantChoice | null>(null);
  const [planId, setPlanId] = useState('');
  const ok = validRange(range.from, range.to);

  // All currencies of the range, whatever the fee chart's filters: the plan stats list them.
  const plans = usePlanStats({ from: range.from, to: range.to }, ok);
  const fees = useFeeStats({ ...range, interval, merchant_id: merchant?.id, plan_id: planId || undefined }, ok && widgets.has('fee_chart'));
  const { data: planRecords = [] } = useGetList('plans', { pagination: { page: 1, perPage: 100 }, sort: { field: 'created_at', order: 'ASC' } });

  const active = (plans.data ?? []).filter((r) => r.count > 0);
  const currencies = currenciesByActivity(active);
  const currency = chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : currencies[0];
  const points = currency ? feeSeries(fees.data ?? []).get(currency) ?? [] : [];
  const totals = seriesTotals(points);
  const nominal = new Map(planRecords.map((p) => [p.id, p.percent_bps as number]));
  const planRows = currency ? planPoints(plans.data ?? [], currency).map((p) => ({ ...p, nominalBps: nominal.get(p.planId) ?? null })) : [];

  const feeBody = () => {
    if (!ok) return <ChartEmpty title="app.stats.invalid_range" />;
    if (fees.error) return <ChartError error={fees.error} />;
    if (fees.isPending || plans.isPending) return <ChartSkeleton height={320} />;
    if (!currency || totals.count === 0) return <ChartEmpty title="app.stats.empty_title" text="app.stats.empty_text" height={320} />;
    return (
      <>
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mb: 1 }} data-testid="fee-totals">
          {[
            ['app.stats.total_volume', formatMoney(totals.volumeMinor, currency, locale)],
            ['app.stats.total_fees', formatMoney(totals.feesMinor, currency, locale)],
            ['app.stats.effective_rate', formatBpsRate(totals.effectiveBps, locale)],
            ['app.stats.count', formatCount(totals.count, locale)],
          ].map(([label, value]) => (
            <Box key={label}>
              <Typography variant="caption" color="text.secondary">{translate(label)}</Typography>
              <Typography variant="h6" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
            </Box>
          ))}
        </Box>
        <FeeChart points={points} currency={currency} interval={interval} height={340} />
      </>
    );
  };

  const planBody = () => {
    if (!ok) return <ChartEmpty title="app.stats.invalid_range" />;
    if (plans.error) return <ChartError error={plans.error} />;
    if (plans.isPending) return <ChartSkeleton />;
    if (!currency) return <ChartEmpty title="app.stats.empty_title" text="app.stats.empty_text" />;
    return (
      <Box sx={{ display: 'grid', gap: 2 }}>
        <PlanChart points={planRows} currency={currency} />
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="plan-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.stats.plan')}</TableCell>
                <TableCell align="right">{translate('app.stats.merchants_on_plan')}</TableCell>
                <TableCell align="right">{translate('app.stats.volume')}</TableCell>
                <TableCell align="right">{translate('app.stats.fees')}</TableCell>
                <TableCell align="right">{translate('app.stats.effective_rate')}</TableCell>
                <TableCell align="right">{translate('app.stats.nominal_rate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {planRows.map((p) => (
                <TableRow key={p.planId}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.name}</TableCell>
                  <TableCell align="right" title={translate('app.stats.merchants_active')}>{formatCount(p.merchants, locale)} / {formatCount(p.merchantsOnPlan, locale)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatMoney(p.volumeMinor, currency, locale)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatMoney(p.feesMinor, currency, locale)}</TableCell>
                  <TableCell align="right">{formatBpsRate(p.effectiveBps, locale)}</TableCell>
                  <TableCell align="right">{formatBpsRate(p.nominalBps, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>{translate('app.stats.nominal_hint')}</Typography>
        </Box>
      </Box>
    );
  };

  return (
    <Box component="section" sx={{ display: 'grid', gap: 2 }}>
      <Card>
        <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', '&:last-child': { pb: 2 } }}>
          <DateRangeFields value={range} onChange={setRange} testId="range" />
          <CurrencySelect value={currency} options={currencies} onChange={setCurrency} testId="chart-currency" />
        </CardContent>
      </Card>
      {widgets.has('fee_chart') && (
        <ChartCard
          testId="fee-card"
          title={translate('app.stats.fees_title')}
          subtitle={currency ? translate('app.stats.fees_subtitle', { currency }) : undefined}
          controls={
            <>
              <MerchantPicker value={merchant} onChange={setMerchant} />
              <FormControl size="small" fullWidth={false} sx={{ width: 190 }}>
                <InputLabel id="chart-plan-label">{translate('app.stats.plan')}</InputLabel>
                <Select labelId="chart-plan-label" label={translate('app.stats.plan')} value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="chart-plan">
                  <MenuItem value="">{translate('app.stats.all_plans')}</MenuItem>
                  {planRecords.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
                </Select>
              </FormControl>
              <ToggleButtonGroup
                size="small"
                exclusive
                value={interval}
                onChange={(_e, v: Interval | null) => v && setInterval(v)}
                aria-label={translate('app.stats.interval')}
              >
                {INTERVALS.map((i) => <ToggleButton key={i} value={i} sx={{ px: 1.5 }}>{translate(`app.stats.${i}`)}</ToggleButton>)}
              </ToggleButtonGroup>
            </>
          }
        >
          {feeBody()}
        </ChartCard>
      )}
      {widgets.has('plan_chart') && (
        <ChartCard testId="plan-card" title={translate('app.stats.plans_title')} subtitle={currency ? translate('app.stats.plans_subtitle', { currency }) : undefined}>
          {planBody()}
        </ChartCard>
      )}
    </Box>
  );
}
