import GavelIcon from '@mui/icons-material/Gavel';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./DisputeList.tsx')),
  show: lazyView(() => import('./DisputeShow.tsx')),
  icon: GavelIcon,
  recordRepresentation: 'id',
};
