import UndoIcon from '@mui/icons-material/Undo';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./RefundList.tsx')),
  show: lazyView(() => import('./RefundShow.tsx')),
  icon: UndoIcon,
  recordRepresentation: 'id',
};
