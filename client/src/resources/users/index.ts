// Users: admins only (the server answers 403 to anyone else; the menu hides them). Admins
// create users and change their name, role and whether they may sign in.
import PeopleOutlineIcon from '@mui/icons-material/PeopleOutline';
import { lazyView } from '../../lazyView.ts';

export default {
  list: lazyView(() => import('./UserList.tsx')),
  show: lazyView(() => import('./UserShow.tsx')),
  create: lazyView(() => import('./UserCreate.tsx')),
  edit: lazyView(() => import('./UserEdit.tsx')),
  icon: PeopleOutlineIcon,
  recordRepresentation: 'name',
};
