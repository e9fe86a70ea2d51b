// The queues people start their day from, each a count linking to the filtered list. The counts
// come with the overview (the server counts each list of shared/workLists.ts through the list
// engine), and each card links to that same filter: the number is the list's total.
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import { Link, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../../../shared/enums.ts';
import type { WorkListName } from '../../../shared/workLists.ts';
import { useIntlLocale } from '../common/useIntlLocale.ts';
import { formatCount } from '../stats/chartFormat.ts';
import type { WorkCount } from '../stats/statsApi.ts';
import { useOverview } from '../stats/useStats.ts';
import { workLinks } from './workLinks.ts';

interface Queue {
  list: WorkListName;
  label: string;
  roles: Role[];
}

/** Each role's queues, its own work first: support answers disputes, admins approve payouts. */
const QUEUES: Queue[] = [
  { list: 'payouts_to_approve', label: 'app.dashboard.payouts_to_approve', roles: ['admin'] },
  { list: 'disputes_to_answer', label: 'app.dashboard.disputes_to_answer', roles: ['support', 'admin'] },
  { list: 'payments_declined_today', label: 'app.dashboard.failed_today', roles: ['operator', 'admin', 'support'] },
  { list: 'refunds_pending', label: 'app.dashboard.refunds_pending', roles: ['operator', 'admin'] },
];

export const queuesFor = (role: Role | undefined) => QUEUES.filter((q) => role && q.roles.includes(role));

/** "1,234", or "10,000+" when the list says "more than 10,000". */
export function formatWorkCount({ count, exact }: WorkCount, locale: string): string {
  return `${formatCount(count, locale)}${exact ? '' : '+'}`;
}

export function WorkQueues() {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { permissions: role } = usePermissions<Role>();
  const { data } = useOverview();
  const links = data ? workLinks(data.today) : undefined;
  return (
    <Box>
      <Typography variant="subtitle1" component="h2" fontWeight={600} sx={{ mb: 1 }}>{translate('app.dashboard.queues')}</Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))' }}>
        {queuesFor(role).map((q) => (
          <Card key={q.list} data-testid={`queue-${q.list}`}>
            <CardActionArea
              component={Link}
              to={links?.[q.list] ?? '#'}
              disabled={!links}
              sx={{ height: '100%', '&, &:hover': { textDecoration: 'none' } }}
            >
              <CardContent>
                <Typography variant="body2" color="text.secondary">{translate(q.label)}</Typography>
                <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', mt: 1 }}>
                  <Typography variant="h4" component="span" data-testid="queue-count" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
                    {data ? formatWorkCount(data.work[q.list], locale) : <Skeleton width={48} />}
                  </Typography>
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
