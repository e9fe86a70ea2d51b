// Payment intents: what the merchant asked to collect; payments are the attempts.
import ShoppingCartOutlinedIcon from '@mui/icons-material/ShoppingCartOutlined';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./IntentList.tsx')),
  show: lazyView(() => import('./IntentShow.tsx')),
  icon: ShoppingCartOutlinedIcon,
  recordRepresentation: 'reference_id',
};
