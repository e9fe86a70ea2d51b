import SellOutlinedIcon from '@mui/icons-material/SellOutlined';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./PlanList.tsx')),
  show: lazyView(() => import('./PlanShow.tsx')),
  icon: SellOutlinedIcon,
  recordRepresentation: 'name',
};
