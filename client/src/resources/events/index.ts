// The processor's events (docs/processor.md): admins only; read, and retry a failed or parked one.
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { lazyView } from '../../lazyView.ts';
import type { RaRecord } from 'react-admin';

export default {
  list: lazyView(() => import('./EventList.tsx')),
  show: lazyView(() => import('./EventShow.tsx')),
  icon: SyncAltIcon,
  recordRepresentation: (record: RaRecord) => `${record.type} ${record.object_id ?? ''}`.trim(),
};
