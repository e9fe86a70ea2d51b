import AccountBalanceOutlinedIcon from '@mui/icons-material/AccountBalanceOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./PayoutList.tsx')),
  show: lazy(() => import('./PayoutShow.tsx')),
  icon: AccountBalanceOutlinedIcon,
  recordRepresentation: (record: { payout_number?: number }) => `#${record.payout_number}`,
};
