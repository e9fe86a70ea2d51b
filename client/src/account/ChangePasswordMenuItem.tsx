// "Change password" in the user menu, for every role; the page itself loads on demand.
import LockResetIcon from '@mui/icons-material/LockReset';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { Link } from 'react-router-dom';
import { useTranslate, useUserMenu } from 'react-admin';

export const CHANGE_PASSWORD_PATH = '/account/password';

// MUI menus hand their items a ref (focus management), hence forwardRef.
export const ChangePasswordMenuItem = forwardRef<HTMLAnchorElement>(function ChangePasswordMenuItem(props, ref) {
  const translate = useTranslate();
  const { onClose } = useUserMenu() ?? {};
  return (
    <MenuItem component={Link} to={CHANGE_PASSWORD_PATH} onClick={onClose} ref={ref} {...props}>
      <ListItemIcon><LockResetIcon fontSize="small" /></ListItemIcon>
      <ListItemText>{translate('admin.account.menu')}</ListItemText>
    </MenuItem>
  );
});
