// The queues people start their day from, each a count linking to the filtered list. Counting
// uses the list API with a one-row page, so every count is an indexed COUNT on the server.
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Count, Link, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../../../shared/enums.ts';
import { localDay, startOfLocalDay } from '../common/filterInputs.tsx';

interface Queue {
  label: string;
  resource: string;
  filter: Record<string, unknown>;
  roles: Role[];
}

const queues = (): Queue[] => [
  { label: 'app.dashboard.payouts_to_approve', resource: 'payouts', filter: { status: ['pending', 'pending_second_approval'] }, roles: ['admin'] },
  { label: 'app.dashboard.disputes_to_answer', resource: 'disputes', filter: { status: 'needs_response' }, roles: ['support', 'admin', 'operator'] },
  { label: 'app.dashboard.failed_today', resource: 'payments', filter: { status: 'failed', created_at_gte: startOfLocalDay(localDay(new Date())) }, roles: ['operator', 'admin', 'support'] },
  { label: 'app.dashboard.refunds_pending', resource: 'refunds', filter: { status: 'pending' }, roles: ['operator', 'admin'] },
];

export function WorkQueues() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role>();
  const mine = queues().filter((q) => role && q.roles.includes(role));
  return (
    <Box>
      <Typography variant="subtitle1" component="h2" fontWeight={600} sx={{ mb: 1 }}>{translate('app.dashboard.queues')}</Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))' }}>
        {mine.map((q) => (
          <Card key={q.label} data-testid={`queue-${q.resource}`}>
            <CardActionArea component={Link} to={`/${q.resource}?filter=${encodeURIComponent(JSON.stringify(q.filter))}`} sx={{ height: '100%', '&, &:hover': { textDecoration: 'none' } }}>
              <CardContent>
                <Typography variant="body2" color="text.secondary">{translate(q.label)}</Typography>
                <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', mt: 1 }}>
                  <Count resource={q.resource} filter={q.filter} variant="h4" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }} />
                  <ArrowForwardIcon fontSize="small" color="action" />
                </Box>
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
      </Box>
    </Box>
  );
}
