import SavingsOutlinedIcon from '@mui/icons-material/SavingsOutlined';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./BalanceList.tsx')),
  show: lazyView(() => import('./BalanceShow.tsx')),
  icon: SavingsOutlinedIcon,
  recordRepresentation: (record: { currency?: string }) => record.currency ?? '',
};
