// Deliveries to the processor (docs/processor.md, "Actions out"): admins only, read-only but for Retry.
import OutboxIcon from '@mui/icons-material/Outbox';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./OutboxList.tsx')),
  show: lazyView(() => import('./OutboxShow.tsx')),
  icon: OutboxIcon,
};
