// Payments: list and detail load on demand (React.lazy) to keep the first download small.
import CreditCardIcon from '@mui/icons-material/CreditCard';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./PaymentList.tsx')),
  show: lazyView(() => import('./PaymentShow.tsx')),
  icon: CreditCardIcon,
  recordRepresentation: 'id',
};
