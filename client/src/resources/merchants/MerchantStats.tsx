// A merchant's figures: its fees over the last 90 days (GET /api/stats/fees?merchant_id=…) and
// what those 90 days would have cost on each plan (GET /api/stats/plan-comparison), as a bar
// chart and a table with its current plan highlighted. One currency at a time. Loaded lazily
// from MerchantShow, and recharts only when a chart is drawn.
import { Box, Chip, FormControl, InputLabel, MenuItem, Select, Typography } from '@mui/material';
import { alpha, type Theme } from '@mui/material/styles';
import { useState } from 'react';
import { DataTable, ListContextProvider, useList, useRecordContext, useTranslate } from 'react-admin';
import { formatMoney } from '../../../../shared/currencies.ts';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import { ChartCard, ChartEmpty, ChartError, ChartSkeleton } from '../../stats/ChartCard.tsx';
import { comparisonPoints, currenciesByActivity, feeSeries, type ComparisonPoint } from '../../stats/chartData.ts';
import { formatBpsRate } from '../../stats/chartFormat.ts';
import { lastDays, utcDay } from '../../../../shared/days.ts';
import { FeeChart, PlanComparisonChart } from '../../stats/lazyCharts.tsx';
import { useFeeStats, usePlanComparison } from '../../stats/useStats.ts';

function CurrencyPicker({ value, options, onChange }: { value: string; options: string[]; onChange: (c: string) => void }) {
  const translate = useTranslate();
  if (options.length < 2) return null;
  return (
    <FormControl size="small" fullWidth={false} sx={{ width: 120 }}>
      <InputLabel id="merchant-currency-label">{translate('app.stats.currency')}</InputLabel>
      <Select labelId="merchant-currency-label" label={translate('app.stats.currency')} value={value} onChange={(e) => onChange(e.target.value)} data-testid="merchant-currency">
        {options.map((c) => <MenuItem key={c} value={c}>{c}</MenuItem>)}
      </Select>
    </FormControl>
  );
}

export default function MerchantStats() {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const comparison = usePlanComparison(record?.id as string | undefined);
  // The comparison's window (server clock) is the range of the fee chart too.
  const window = comparison.data ? { from: comparison.data.from, to: comparison.data.to } : lastDays(utcDay(Date.now()), 90);
  const fees = useFeeStats({ ...window, interval: 'week', merchant_id: record?.id as string }, !!record && !!comparison.data);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!record) return null;

  const currencies = currenciesByActivity(comparison.data?.actual ?? []);
  const currency = chosen && currencies.includes(chosen) ? chosen : currencies[0];
  const points = currency ? feeSeries(fees.data ?? []).get(currency) ?? [] : [];
  const plans = currency ? comparisonPoints(comparison.data?.plans ?? [], currency) : [];
  const picker = <CurrencyPicker value={currency ?? ''} options={currencies} onChange={setChosen} />;

  if (comparison.error) return <ChartError error={comparison.error} />;
  if (comparison.isPending) return <ChartSkeleton height={360} />;
  if (!currency) {
    return (
      <ChartCard title={translate('app.stats.comparison_title')} testId="merchant-stats">
        <ChartEmpty title="app.stats.comparison_empty" height={160} />
      </ChartCard>
    );
  }
  const { from, to } = comparison.data;
  const money = (minor: number) => formatMoney(minor, currency, locale);

  return (
    <Box sx={{ display: 'grid', gap: 2 }} data-testid="merchant-stats">
      <ChartCard title={translate('app.stats.merchant_fees_title')} subtitle={translate('app.stats.fees_subtitle', { currency })} controls={picker}>
        {fees.error ? <ChartError error={fees.error} /> : fees.isPending ? <ChartSkeleton height={300} /> : (
          <FeeChart points={points} currency={currency} interval="week" syncId="merchant-fees" height={300} />
        )}
      </ChartCard>
      <ChartCard title={translate('app.stats.comparison_title')} subtitle={translate('app.stats.comparison_subtitle', { from, to })}>
        <PlanComparisonChart points={plans} currency={currency} />
        <PlanComparisonTable plans={plans} money={money} locale={locale} />
      </ChartCard>
    </Box>
  );
}

/**
 * The plans side by side, in memory (useList: its headers sort without asking the server). The
 * current plan's row is tinted and carries `data-current` on its name for tests and styling.
 */
function PlanComparisonTable({ plans, money, locale }: { plans: ComparisonPoint[]; money: (minor: number) => string; locale: string }) {
  const translate = useTranslate();
  const list = useList({ data: plans.map((p) => ({ ...p, id: p.plan_id })) });
  const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
  return (
    <Box sx={{ overflowX: 'auto', mt: 1 }} data-testid="comparison-table">
      <ListContextProvider value={list}>
        <DataTable
          bulkActionButtons={false}
          rowClick={false}
          storeKey="merchant-plan-comparison"
          rowSx={(p) => (p.current ? (theme: Theme) => ({ bgcolor: alpha(theme.palette.success.main, theme.palette.mode === 'dark' ? 0.16 : 0.08) }) : {})}
        >
          <DataTable.Col
            source="name"
            label={translate('app.stats.plan')}
            render={(p) => (
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }} data-current={p.current || undefined}>
                <Typography variant="body2" fontWeight={p.current ? 600 : undefined}>{p.name}</Typography>
                {p.current && <Chip size="small" color="success" variant="outlined" label={translate('app.stats.current_plan')} sx={{ height: 20 }} />}
              </Box>
            )}
          />
          <DataTable.Col source="fees" label={translate('app.stats.fees')} align="right" sx={numeric} render={(p) => money(p.fees)} />
          <DataTable.Col source="effective_bps" label={translate('app.stats.effective_rate')} align="right" render={(p) => formatBpsRate(p.effective_bps, locale)} />
          <DataTable.Col
            source="difference"
            label={translate('app.stats.difference')}
            align="right"
            cellSx={(p) => ({ ...numeric, color: p.difference < 0 ? 'success.main' : p.difference > 0 ? 'error.main' : 'text.secondary' })}
            render={(p) => (p.current ? '—' : `${p.difference > 0 ? '+' : ''}${money(p.difference)}`)}
          />
        </DataTable>
      </ListContextProvider>
    </Box>
  );
}
