// Home: a greeting, the work queues and key figures for the signed-in role, short lists that
// lead to the work, and the fee and plan charts (recharts loaded on demand, never on first paint).
// Every "today" on it is the server's UTC day, and the page says so.
import { Box, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { dayStartMs } from '../../../shared/days.ts';
import type { Role } from '../../../shared/enums.ts';
import { useIntlLocale } from '../common/useIntlLocale.ts';
import { DashboardCharts } from './DashboardCharts.tsx';
import { Kpis } from './Kpis.tsx';
import { LiveActivity } from './LiveActivity.tsx';
import { widgetsFor } from './roles.ts';
import { useOverview } from '../stats/useStats.ts';
import { WorkLists } from './WorkLists.tsx';
import { WorkQueues } from './WorkQueues.tsx';

function TodayRule() {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { data } = useOverview();
  if (!data) return null;
  const date = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(dayStartMs(data.today));
  return (
    <Typography variant="body2" color="text.secondary" data-testid="today-rule" data-today={data.today}>
      {translate('app.dashboard.today_rule', { date })}
    </Typography>
  );
}

export default function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions: role } = usePermissions<Role>();
  const widgets = widgetsFor(role);
  return (
    <Stack spacing={3} sx={{ py: 2 }}>
      <Title title="app.menu.dashboard" />
      <Box>
        <Typography variant="h5" component="h1">{translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('app.dashboard.intro')}</Typography>
        <TodayRule />
      </Box>
      <LiveActivity />
      <WorkQueues />
      <Kpis widgets={widgets} />
      <WorkLists widgets={widgets} />
      <DashboardCharts widgets={widgets} />
    </Stack>
  );
}
