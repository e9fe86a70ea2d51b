import StorefrontOutlinedIcon from '@mui/icons-material/StorefrontOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./MerchantList.tsx')),
  show: lazy(() => import('./MerchantShow.tsx')),
  icon: StorefrontOutlinedIcon,
  recordRepresentation: 'name',
};
