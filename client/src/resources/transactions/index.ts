// Ledger entries: every movement of a merchant's money, signed.
import AccountBalanceWalletOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./TransactionList.tsx')),
  show: lazyView(() => import('./TransactionShow.tsx')),
  icon: AccountBalanceWalletOutlinedIcon,
  recordRepresentation: 'id',
};
