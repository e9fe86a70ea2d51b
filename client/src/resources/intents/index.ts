// Payment intents: what the merchant asked to collect; payments are the attempts.
import ShoppingCartOutlinedIcon from '@mui/icons-material/ShoppingCartOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./IntentList.tsx')),
  show: lazy(() => import('./IntentShow.tsx')),
  icon: ShoppingCartOutlinedIcon,
  recordRepresentation: 'reference_id',
};
