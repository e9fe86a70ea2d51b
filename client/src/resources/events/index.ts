// The processor's events (docs/processor.md): admins only; read, and retry a failed or parked one.
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./EventList.tsx')),
  show: lazy(() => import('./EventShow.tsx')),
  icon: SyncAltIcon,
  recordRepresentation: (record: RaRecord) => `${record.type} ${record.object_id ?? ''}`.trim(),
};
