// Pieces of the compact phone rows: amount with status, and a muted second line.
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { MoneyField } from './MoneyField.tsx';
import { StatusField } from './StatusChip.tsx';

export function AmountWithStatus({ source = 'amount', status = 'status' }: { source?: string; status?: string | false }) {
  return (
    <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <MoneyField source={source} fontWeight={600} />
      {status && <StatusField source={status} />}
    </Box>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return (
    <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {children}
    </Typography>
  );
}
