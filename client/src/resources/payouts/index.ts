import AccountBalanceOutlinedIcon from '@mui/icons-material/AccountBalanceOutlined';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./PayoutList.tsx')),
  show: lazyView(() => import('./PayoutShow.tsx')),
  icon: AccountBalanceOutlinedIcon,
  recordRepresentation: (record: { payout_number?: number }) => `#${record.payout_number}`,
};
