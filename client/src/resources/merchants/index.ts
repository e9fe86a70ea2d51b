import StorefrontOutlinedIcon from '@mui/icons-material/StorefrontOutlined';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./MerchantList.tsx')),
  show: lazyView(() => import('./MerchantShow.tsx')),
  icon: StorefrontOutlinedIcon,
  recordRepresentation: 'name',
};
