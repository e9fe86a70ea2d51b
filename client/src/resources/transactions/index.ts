// Ledger entries: every movement of a merchant's money, signed.
import AccountBalanceWalletOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./TransactionList.tsx')),
  show: lazy(() => import('./TransactionShow.tsx')),
  icon: AccountBalanceWalletOutlinedIcon,
  recordRepresentation: 'id',
};
