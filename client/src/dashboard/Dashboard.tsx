// Home: a greeting, the work queues and key figures for the signed-in role, short lists that
// lead to the work, and the fee and plan charts (recharts loaded on demand, never on first paint).
import { Box, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../../../shared/enums.ts';
import { DashboardCharts } from './DashboardCharts.tsx';
import { Kpis } from './Kpis.tsx';
import { widgetsFor } from './roles.ts';
import { WorkLists } from './WorkLists.tsx';
import { WorkQueues } from './WorkQueues.tsx';

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
      </Box>
      <WorkQueues />
      <Kpis widgets={widgets} />
      <WorkLists widgets={widgets} />
      <DashboardCharts widgets={widgets} />
    </Stack>
  );
}
