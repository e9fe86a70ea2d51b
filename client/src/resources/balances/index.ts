import SavingsOutlinedIcon from '@mui/icons-material/SavingsOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./BalanceList.tsx')),
  show: lazy(() => import('./BalanceShow.tsx')),
  icon: SavingsOutlinedIcon,
  recordRepresentation: (record: { currency?: string }) => record.currency ?? '',
};
