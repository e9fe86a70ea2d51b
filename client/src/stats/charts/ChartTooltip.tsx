// The tooltip of every chart: a small paper card in the theme's colours with the hovered
// period or plan and one line per figure, each formatted by the chart that owns it.
import { Box, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export interface TooltipLine { label: string; value: string; color?: string }

export function ChartTooltip({ title, lines, footer }: { title: ReactNode; lines: TooltipLine[]; footer?: ReactNode }) {
  return (
    <Paper elevation={6} sx={{ px: 1.5, py: 1, minWidth: 180, border: 1, borderColor: 'divider' }}>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5, fontWeight: 600 }}>{title}</Typography>
      {lines.map((l) => (
        <Box key={l.label} sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'space-between' }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            {l.color && <Box sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: l.color }} />}
            <Typography variant="body2">{l.label}</Typography>
          </Box>
          <Typography variant="body2" fontWeight={600} sx={{ fontVariantNumeric: 'tabular-nums' }}>{l.value}</Typography>
        </Box>
      ))}
      {footer}
    </Paper>
  );
}
