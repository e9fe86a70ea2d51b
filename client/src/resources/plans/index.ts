import SellOutlinedIcon from '@mui/icons-material/SellOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./PlanList.tsx')),
  show: lazy(() => import('./PlanShow.tsx')),
  icon: SellOutlinedIcon,
  recordRepresentation: 'name',
};
