// Short lists that lead straight to the work: the oldest payouts waiting for an admin's
// approval, and the disputes whose response is due soonest, overdue ones first. Each row opens
// the record; "View all" opens the list the row came from (shared/workLists.ts).
import { Box, Card, CardContent, List, ListItemButton, ListItemText, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, ReferenceField, TextField, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { formatMoney } from '../../../shared/currencies.ts';
import { dayStartMs } from '../../../shared/days.ts';
import { StatusChip } from '../common/StatusChip.tsx';
import { useIntlLocale } from '../common/useIntlLocale.ts';
import type { Widget } from './roles.ts';
import { workLists } from '../../../shared/workLists.ts';
import { useOverview } from '../stats/useStats.ts';
import { workLinks } from './workLinks.ts';

function WorkList({ title, viewAll, testId, children }: { title: string; viewAll: string; testId: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Card data-testid={testId} sx={{ minWidth: 0 }}>
      <CardContent sx={{ pb: 1, '&:last-child': { pb: 1 } }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', mb: 0.5 }}>
          <Typography variant="subtitle1" component="h2" fontWeight={600}>{translate(title)}</Typography>
          <Typography component={Link} to={viewAll} variant="body2">{translate('app.stats.view_all')}</Typography>
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

const Empty = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>{translate(text)}</Typography>;
};

const Loading = () => <Box sx={{ py: 1 }}>{[0, 1, 2].map((i) => <Skeleton key={i} height={44} />)}</Box>;

function Row({ to, primary, secondary, amount, chip }: { to: string; primary: ReactNode; secondary: ReactNode; amount: string; chip?: ReactNode }) {
  return (
    <ListItemButton component={Link} to={to} divider sx={{ px: 1, borderRadius: 1, '&, &:hover': { textDecoration: 'none' }, color: 'text.primary' }}>
      <ListItemText
        primary={primary}
        secondary={secondary}
        slotProps={{ primary: { variant: 'body2', fontWeight: 600, noWrap: true }, secondary: { variant: 'caption', component: 'div' } }}
        sx={{ minWidth: 0, my: 0.25 }}
      />
      <Box sx={{ textAlign: 'right', ml: 1, display: 'grid', justifyItems: 'end', gap: 0.25 }}>
        <Typography variant="body2" fontWeight={600} sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{amount}</Typography>
        {chip}
      </Box>
    </ListItemButton>
  );
}

function PayoutsToApprove({ today }: { today: string }) {
  const locale = useIntlLocale();
  const createPath = useCreatePath();
  const list = workLists(today).payouts_to_approve;
  const { data, isPending } = useGetList('payouts', {
    filter: list.filter,
    sort: { field: list.sort[0], order: list.sort[1] },
    pagination: { page: 1, perPage: 5 },
  });
  return (
    <WorkList title="app.stats.payouts_list" viewAll={workLinks(today).payouts_to_approve} testId="worklist-payouts">
      {isPending ? <Loading /> : !data?.length ? <Empty text="app.stats.nothing_to_approve" /> : (
        <List dense disablePadding>
          {data.map((p) => (
            <Row
              key={p.id}
              to={createPath({ resource: 'payouts', id: p.id, type: 'show' })}
              primary={<ReferenceField record={p} source="merchant_id" reference="merchants" link={false}><TextField source="name" /></ReferenceField>}
              secondary={`#${p.payout_number}`}
              amount={formatMoney(p.amount, p.currency, locale)}
              chip={<StatusChip status={p.status} />}
            />
          ))}
        </List>
      )}
    </WorkList>
  );
}

function DueChip({ due, today }: { due: string; today: string }) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const text = due < today ? translate('app.stats.overdue_since', { date: dayFormat.format(dayStartMs(due)) })
    : due === today ? translate('app.show.due_today') : translate('app.stats.due', { date: dayFormat.format(dayStartMs(due)) });
  return (
    <Typography variant="caption" color={due <= today ? 'error.main' : 'warning.main'} fontWeight={600} data-overdue={due < today}>
      {text}
    </Typography>
  );
}

function DisputesDueSoon({ today }: { today: string }) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const createPath = useCreatePath();
  const { data } = useOverview();
  const due = data?.disputes_due_soon;
  return (
    <WorkList title="app.stats.disputes_list" viewAll={workLinks(today).disputes_due_soon} testId="worklist-disputes">
      {!due?.soonest.length ? <Empty text="app.stats.nothing_due" /> : (
        <List dense disablePadding>
          {due.soonest.slice(0, 5).map((d) => (
            <Row
              key={d.id}
              to={createPath({ resource: 'disputes', id: d.id, type: 'show' })}
              primary={<ReferenceField record={d} source="merchant_id" reference="merchants" link={false}><TextField source="name" /></ReferenceField>}
              secondary={`${d.reason_code} · ${translate(`app.dispute_reason.${d.reason_code}`, { _: d.reason })}`}
              amount={formatMoney(d.amount, d.currency, locale)}
              chip={<DueChip due={d.response_due_date} today={today} />}
            />
          ))}
        </List>
      )}
    </WorkList>
  );
}

export function WorkLists({ widgets }: { widgets: Set<Widget> }) {
  const { data } = useOverview();
  const today = data?.today;
  const lists = [
    widgets.has('payouts_list') && <PayoutsToApprove key="payouts" today={today!} />,
    widgets.has('disputes_list') && <DisputesDueSoon key="disputes" today={today!} />,
  ].filter(Boolean);
  if (lists.length === 0) return null;
  if (!today) {
    return (
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: `repeat(${lists.length}, minmax(0, 1fr))` } }}>
        {lists.map((_, i) => <Card key={i}><CardContent><Loading /></CardContent></Card>)}
      </Box>
    );
  }
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: `repeat(${lists.length}, minmax(0, 1fr))` } }}>
      {lists}
    </Box>
  );
}
