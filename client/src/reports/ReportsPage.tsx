// /reports: the reconciliation report (GET /api/reports/reconciliation) for a date range and
// optionally one merchant or currency, downloaded as CSV, XLSX or JSON through a plain link (the
// session cookie goes along), with a preview of the same rows and their totals per currency
// (GET /api/reports/reconciliation/preview: a read, so opening the page is not an export — only
// the download is, limited and audited).
import DownloadIcon from '@mui/icons-material/Download';
import {
  Box, Button, Card, CardContent, FormControl, InputLabel, MenuItem, Select, Skeleton, Table, TableBody, TableCell,
  TableHead, TableRow, Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link, Title, useCreatePath, useTranslate } from 'react-admin';
import { formatMoney, SEED_CURRENCIES } from '../../../shared/currencies.ts';
import { useIntlLocale } from '../common/useIntlLocale.ts';
import { ChartEmpty, ChartError } from '../stats/ChartCard.tsx';
import { formatCount } from '../stats/chartFormat.ts';
import { lastDays, validRange } from '../../../shared/days.ts';
import { MerchantPicker, type MerchantChoice } from '../stats/MerchantPicker.tsx';
import { CurrencySelect, DateRangeFields } from '../stats/StatsFilters.tsx';
import { reconciliationUrl, type ReconciliationRow, type ReconciliationTotal, type ReportFormat } from '../stats/statsApi.ts';
import { useOverview, useReconciliation } from '../stats/useStats.ts';
import { ZERO_AMOUNT_COLOR } from '../theme.ts';

const FORMATS: ReportFormat[] = ['csv', 'xlsx', 'json'];
const MONEY = ['payments', 'refunds', 'fees', 'disputes', 'adjustments', 'payouts', 'net', 'settled', 'unsettled'] as const;
type MoneyColumn = (typeof MONEY)[number];

const amount = (r: ReconciliationRow | ReconciliationTotal, col: MoneyColumn) =>
  (col === 'disputes' ? r.dispute_debits + r.dispute_credits : r[col]);

export default function ReportsPage() {
  const { data: overview } = useOverview();
  const translate = useTranslate();
  return (
    <Box sx={{ py: 2, display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Title title="app.reports.title" />
      <Box>
        <Typography variant="h5" component="h1">{translate('app.reports.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('app.reports.intro')}</Typography>
      </Box>
      {overview ? <Report today={overview.today} /> : <Skeleton variant="rounded" height={240} />}
    </Box>
  );
}

function Report({ today }: { today: string }) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const createPath = useCreatePath();
  const [range, setRange] = useState(() => lastDays(today, 30));
  const [merchant, setMerchant] = useState<MerchantChoice | null>(null);
  const [currency, setCurrency] = useState('');
  const [format, setFormat] = useState<ReportFormat>('csv');
  const ok = validRange(range.from, range.to);
  const params = { ...range, merchant_id: merchant?.id, currency: currency || undefined };
  const { data: preview, error, isPending, isFetching } = useReconciliation(params, ok);
  const money = (minor: number, cur: string) => formatMoney(minor, cur, locale);

  return (
    <>
      <Card>
        <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', '&:last-child': { pb: 2 } }}>
          <DateRangeFields value={range} onChange={setRange} testId="report" />
          <MerchantPicker value={merchant} onChange={setMerchant} />
          <CurrencySelect value={currency} options={SEED_CURRENCIES} onChange={setCurrency} allLabel="app.reports.all_currencies" testId="report-currency" />
          <FormControl size="small" fullWidth={false} sx={{ width: 160 }}>
            <InputLabel id="report-format-label">{translate('app.reports.format')}</InputLabel>
            <Select labelId="report-format-label" label={translate('app.reports.format')} value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)} data-testid="report-format">
              {FORMATS.map((f) => <MenuItem key={f} value={f}>{translate(`app.reports.${f}`)}</MenuItem>)}
            </Select>
          </FormControl>
          <Button
            variant="contained"
            startIcon={<DownloadIcon />}
            // Disabled when the range is invalid: the link would only fetch a 400.
            href={reconciliationUrl(params, format)}
            disabled={!ok}
            download
            data-testid="report-download"
          >
            {translate('app.reports.download')}
          </Button>
          {!ok && <Typography variant="caption" color="error">{translate('app.stats.invalid_range')}</Typography>}
        </CardContent>
      </Card>

      <Card>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', mb: 1, gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="subtitle1" component="h2" fontWeight={600}>{translate('app.reports.preview')}</Typography>
            {preview && (
              <Typography variant="body2" color="text.secondary" data-testid="report-count">
                {preview.total > preview.rows.length
                  ? translate('app.reports.preview_rows', { shown: formatCount(preview.rows.length, locale), total: formatCount(preview.total, locale) })
                  : translate('app.reports.all_rows', { smart_count: preview.total, count: formatCount(preview.total, locale) })}
              </Typography>
            )}
          </Box>
          {!ok ? null : error ? <ChartError error={error} /> : isPending ? <Skeleton variant="rounded" height={240} /> : preview.total === 0 ? (
            <ChartEmpty title="app.reports.empty" text="app.stats.empty_text" height={200} />
          ) : (
            <Box sx={{ display: 'grid', gap: 3, opacity: isFetching ? 0.6 : 1, transition: 'opacity 0.2s' }}>
              <Box sx={{ overflowX: 'auto' }}>
                <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>{translate('app.reports.totals')}</Typography>
                <Table size="small" data-testid="report-totals">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('app.reports.col.currency')}</TableCell>
                      <TableCell align="right">{translate('app.reports.col.payment_count')}</TableCell>
                      {MONEY.map((c) => <TableCell key={c} align="right">{translate(`app.reports.col.${c}`)}</TableCell>)}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.totals.map((t) => (
                      <TableRow key={t.currency}>
                        <TableCell sx={{ fontWeight: 600 }}>{t.currency}</TableCell>
                        <TableCell align="right">{formatCount(t.payment_count, locale)}</TableCell>
                        {MONEY.map((c) => <MoneyCell key={c} value={amount(t, c)} text={money(amount(t, c), t.currency)} strong />)}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
              {/* The rows scroll inside the card (header kept in view), the totals stay visible above. */}
              <Box sx={{ overflow: 'auto', maxHeight: 560, border: 1, borderColor: 'divider', borderRadius: 1 }}>
                <Table size="small" stickyHeader data-testid="report-preview">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('app.reports.col.date')}</TableCell>
                      <TableCell>{translate('app.reports.col.merchant')}</TableCell>
                      <TableCell>{translate('app.reports.col.currency')}</TableCell>
                      <TableCell align="right">{translate('app.reports.col.payment_count')}</TableCell>
                      {MONEY.map((c) => <TableCell key={c} align="right">{translate(`app.reports.col.${c}`)}</TableCell>)}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.rows.map((r) => (
                      <TableRow key={`${r.date}-${r.merchant_id}-${r.currency}`} hover>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.date}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          <Link to={createPath({ resource: 'merchants', id: r.merchant_id, type: 'show' })}>{r.merchant_name}</Link>
                        </TableCell>
                        <TableCell>{r.currency}</TableCell>
                        <TableCell align="right">{formatCount(r.payment_count, locale)}</TableCell>
                        {MONEY.map((c) => (
                          <MoneyCell key={c} value={amount(r, c)} text={money(amount(r, c), r.currency)} strong={c === 'net'} />
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            </Box>
          )}
        </CardContent>
      </Card>
    </>
  );
}

function MoneyCell({ value, text, strong }: { value: number; text: string; strong?: boolean }) {
  return (
    <TableCell
      align="right"
      sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined, color: value === 0 ? ZERO_AMOUNT_COLOR : value < 0 ? 'error.main' : undefined }}
    >
      {text}
    </TableCell>
  );
}
