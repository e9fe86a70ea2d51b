// The key figures of GET /api/stats/overview as cards, only those that fit the role's work.
// Money is per currency (never added across currencies); rates are by count over 30 days.
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import { formatMoney } from '../../../shared/currencies.ts';
import { useIntlLocale } from '../common/useIntlLocale.ts';
import { ChartError } from '../stats/ChartCard.tsx';
import { formatCount, formatRate } from '../stats/chartFormat.ts';
import type { Widget } from './roles.ts';
import type { CurrencyTotal, Overview } from '../stats/statsApi.ts';
import { useOverview } from '../stats/useStats.ts';
import { workLinks } from './workLinks.ts';
import { formatWorkCount } from './WorkQueues.tsx';

function KpiCard({ id, label, children, to }: { id: string; label: string; children: ReactNode; to?: string }) {
  const translate = useTranslate();
  const body = (
    <CardContent sx={{ height: '100%', boxSizing: 'border-box' }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}>
        <Typography variant="body2" color="text.secondary" fontWeight={600}>{translate(label)}</Typography>
        {to && <ArrowForwardIcon fontSize="small" color="action" />}
      </Box>
      <Box sx={{ mt: 1 }}>{children}</Box>
    </CardContent>
  );
  return (
    <Card data-testid={`kpi-${id}`} sx={{ height: '100%' }}>
      {to ? (
        <CardActionArea component={Link} to={to} sx={{ height: '100%', '&, &:hover': { textDecoration: 'none' } }}>{body}</CardActionArea>
      ) : body}
    </Card>
  );
}

const Big = ({ children, color }: { children: ReactNode; color?: string }) => (
  <Typography variant="h4" component="div" fontWeight={600} color={color} sx={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }}>{children}</Typography>
);
const Small = ({ children, color = 'text.secondary' }: { children: ReactNode; color?: string }) => (
  <Typography variant="body2" color={color} sx={{ mt: 0.5 }}>{children}</Typography>
);

/** One line per currency: the amount large, the count beside it. */
function PerCurrency({ rows, empty }: { rows: CurrencyTotal[]; empty: string }) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  if (rows.length === 0) return <Small>{translate(empty)}</Small>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.25 }}>
      {rows.map((r) => (
        <Box component="li" key={r.currency} sx={{ display: 'flex', justifyContent: 'space-between', gap: 1.5, alignItems: 'baseline' }}>
          <Typography variant="h6" component="span" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {formatMoney(r.volume, r.currency, locale)}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {translate('app.stats.payments', { smart_count: r.count, count: formatCount(r.count, locale) })}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function kpiCards(o: Overview, translate: ReturnType<typeof useTranslate>, locale: string): Record<string, ReactNode> {
  const payouts = o.payouts_awaiting_approval;
  const due = o.disputes_due_soon;
  const links = workLinks(o.today);
  return {
    volume_today: (
      <KpiCard id="volume_today" label="app.stats.volume_today">
        <PerCurrency rows={o.volume_today} empty="app.stats.nothing_today" />
      </KpiCard>
    ),
    volume_30d: (
      <KpiCard id="volume_30d" label="app.stats.volume_30d">
        <PerCurrency rows={o.volume_30d} empty="app.stats.nothing_30d" />
      </KpiCard>
    ),
    refund_rate: (
      <KpiCard id="refund_rate" label="app.stats.refund_rate">
        <Big>{formatRate(o.refund_rate.rate, locale)}</Big>
        <Small>{translate('app.stats.refund_detail', { smart_count: o.refund_rate.events, events: formatCount(o.refund_rate.events, locale), payments: formatCount(o.refund_rate.payments, locale) })}</Small>
      </KpiCard>
    ),
    dispute_rate: (
      <KpiCard id="dispute_rate" label="app.stats.dispute_rate">
        <Big>{formatRate(o.dispute_rate.rate, locale)}</Big>
        <Small>{translate('app.stats.dispute_detail', { smart_count: o.dispute_rate.events, events: formatCount(o.dispute_rate.events, locale), payments: formatCount(o.dispute_rate.payments, locale) })}</Small>
      </KpiCard>
    ),
    payouts_awaiting: (
      <KpiCard id="payouts_awaiting" label="app.stats.payouts_awaiting" to={links.payouts_to_approve}>
        <Big>{formatWorkCount(o.work.payouts_to_approve, locale)}</Big>
        {payouts.by_currency.map((c) => (
          <Small key={c.currency}>{formatMoney(c.amount, c.currency, locale)} · {formatCount(c.count, locale)}</Small>
        ))}
        {(payouts.by_status.pending_second_approval ?? 0) > 0 && (
          <Small color="warning.main">
            {translate('app.stats.payouts_second', { smart_count: payouts.by_status.pending_second_approval, count: formatCount(payouts.by_status.pending_second_approval, locale) })}
          </Small>
        )}
      </KpiCard>
    ),
    disputes_due: (
      <KpiCard id="disputes_due" label="app.stats.disputes_due" to={links.disputes_due_soon}>
        <Big color={due.count > 0 ? 'warning.main' : undefined}>{formatWorkCount(o.work.disputes_due_soon, locale)}</Big>
        <Small color={due.overdue > 0 ? 'error.main' : 'text.secondary'}>
          {due.overdue > 0 ? translate('app.stats.overdue', { smart_count: due.overdue, count: formatCount(due.overdue, locale) }) : translate('app.stats.none_overdue')}
        </Small>
      </KpiCard>
    ),
  };
}

export function Kpis({ widgets }: { widgets: Set<Widget> }) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { data, error, isPending } = useOverview();
  const order: Widget[] = ['volume_today', 'volume_30d', 'refund_rate', 'dispute_rate', 'payouts_awaiting', 'disputes_due'];
  const mine = order.filter((w) => widgets.has(w));
  if (mine.length === 0) return null;
  return (
    <Box component="section" aria-label={translate('app.stats.kpis')}>
      <Typography variant="subtitle1" component="h2" fontWeight={600} sx={{ mb: 1 }}>{translate('app.stats.kpis')}</Typography>
      {error ? <ChartError error={error} /> : (
        // Rows of equal cards: six (admins) as two rows of three, four or fewer on one row.
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', lg: `repeat(${mine.length > 4 ? 3 : mine.length}, minmax(0, 1fr))` } }}>
          {isPending
            ? mine.map((w) => <Skeleton key={w} variant="rounded" height={128} />)
            : (() => {
              const cards = kpiCards(data, translate, locale);
              return mine.map((w) => <Box key={w}>{cards[w]}</Box>);
            })()}
        </Box>
      )}
    </Box>
  );
}
