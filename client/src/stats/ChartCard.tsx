// The frame every chart sits in: title, subtitle, controls on the right, and the states a chart
// can be in (loading skeleton, error, empty range) drawn the same way everywhere.
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import { Alert, Box, Card, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export function ChartCard({ title, subtitle, controls, children, testId }: {
  title: string;
  subtitle?: ReactNode;
  controls?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card data-testid={testId} sx={{ minWidth: 0 }}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start', justifyContent: 'space-between', mb: 2 }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="subtitle1" component="h2" fontWeight={600}>{title}</Typography>
            {subtitle && <Typography variant="body2" color="text.secondary">{subtitle}</Typography>}
          </Box>
          {controls && <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>{controls}</Box>}
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

/** Stands in for a chart while recharts or the figures load: same height, so nothing jumps. */
export function ChartSkeleton({ height = 280 }: { height?: number }) {
  return (
    <Stack spacing={1} data-testid="chart-skeleton" aria-busy="true">
      <Skeleton variant="rounded" height={height} />
    </Stack>
  );
}

export function ChartEmpty({ title, text, height = 280 }: { title: string; text?: string; height?: number }) {
  const translate = useTranslate();
  return (
    <Box
      data-testid="chart-empty"
      sx={{
        height, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 1,
        border: 1, borderColor: 'divider', borderStyle: 'dashed', borderRadius: 1, color: 'text.secondary', textAlign: 'center', px: 2,
      }}
    >
      <InsightsOutlinedIcon fontSize="large" color="disabled" />
      <Typography variant="body1" fontWeight={600}>{translate(title)}</Typography>
      {text && <Typography variant="body2">{translate(text)}</Typography>}
    </Box>
  );
}

export function ChartError({ error }: { error: unknown }) {
  const translate = useTranslate();
  const message = error instanceof Error ? error.message : String(error);
  return <Alert severity="error">{translate('app.stats.load_error', { message })}</Alert>;
}
