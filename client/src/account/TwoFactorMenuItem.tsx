// "Two-factor sign-in" in the user menu, for every role (required for admins); the page loads on demand.
import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { Link } from 'react-router-dom';
import { useTranslate, useUserMenu } from 'react-admin';
import { TWO_FACTOR_PATH } from '../authProvider.ts';

export const TwoFactorMenuItem = forwardRef<HTMLAnchorElement>(function TwoFactorMenuItem(props, ref) {
  const translate = useTranslate();
  const { onClose } = useUserMenu() ?? {};
  return (
    <MenuItem component={Link} to={TWO_FACTOR_PATH} onClick={onClose} ref={ref} {...props}>
      <ListItemIcon><PhonelinkLockIcon fontSize="small" /></ListItemIcon>
      <ListItemText>{translate('admin.mfa.menu')}</ListItemText>
    </MenuItem>
  );
});
