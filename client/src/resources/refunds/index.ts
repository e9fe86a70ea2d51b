import UndoIcon from '@mui/icons-material/Undo';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./RefundList.tsx')),
  show: lazy(() => import('./RefundShow.tsx')),
  icon: UndoIcon,
  recordRepresentation: 'id',
};
