// Users: admins only (the server answers 403 to anyone else; the menu hides them). Admins
// create users and change their name, role and whether they may sign in.
import PeopleOutlineIcon from '@mui/icons-material/PeopleOutline';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./UserList.tsx')),
  show: lazy(() => import('./UserShow.tsx')),
  create: lazy(() => import('./UserCreate.tsx')),
  edit: lazy(() => import('./UserEdit.tsx')),
  icon: PeopleOutlineIcon,
  recordRepresentation: 'name',
};
