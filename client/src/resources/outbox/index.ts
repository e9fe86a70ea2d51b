// Deliveries to the processor (docs/processor.md, "Actions out"): admins only, read-only but for Retry.
import OutboxIcon from '@mui/icons-material/Outbox';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./OutboxList.tsx')),
  show: lazy(() => import('./OutboxShow.tsx')),
  icon: OutboxIcon,
};
