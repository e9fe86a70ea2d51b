import GavelIcon from '@mui/icons-material/Gavel';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./DisputeList.tsx')),
  show: lazy(() => import('./DisputeShow.tsx')),
  icon: GavelIcon,
  recordRepresentation: 'id',
};
