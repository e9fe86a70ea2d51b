// Payments: list and detail load on demand (React.lazy) to keep the first download small.
import CreditCardIcon from '@mui/icons-material/CreditCard';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./PaymentList.tsx')),
  show: lazy(() => import('./PaymentShow.tsx')),
  icon: CreditCardIcon,
  recordRepresentation: 'id',
};
