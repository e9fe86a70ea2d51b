// On phones the app bar has no room for the language and theme buttons, so they move into the
// user menu, above "Change password" and "Logout".
import CheckIcon from '@mui/icons-material/Check';
import DarkModeOutlinedIcon from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlinedIcon from '@mui/icons-material/LightModeOutlined';
import { Divider, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { Logout, UserMenu, useLocales, useLocaleState, useTheme, useTranslate, useUserMenu } from 'react-admin';
import { ChangePasswordMenuItem } from '../account/ChangePasswordMenuItem.tsx';
import { TwoFactorMenuItem } from '../account/TwoFactorMenuItem.tsx';

function LanguageItem({ code, name }: { code: string; name: string }) {
  const [locale, setLocale] = useLocaleState();
  const { onClose } = useUserMenu() ?? {};
  return (
    <MenuItem onClick={() => { setLocale(code); onClose?.(); }} selected={code === locale}>
      <ListItemIcon>{code === locale && <CheckIcon fontSize="small" />}</ListItemIcon>
      <ListItemText>{name}</ListItemText>
    </MenuItem>
  );
}

function ThemeItem() {
  const [theme, setTheme] = useTheme();
  const translate = useTranslate();
  const { onClose } = useUserMenu() ?? {};
  return (
    <MenuItem onClick={() => { setTheme(theme === 'dark' ? 'light' : 'dark'); onClose?.(); }}>
      <ListItemIcon>{theme === 'dark' ? <LightModeOutlinedIcon fontSize="small" /> : <DarkModeOutlinedIcon fontSize="small" />}</ListItemIcon>
      <ListItemText>{translate('ra.action.toggle_theme')}</ListItemText>
    </MenuItem>
  );
}

export function PhoneUserMenu() {
  const locales = useLocales();
  // Flat children (no fragments): MUI menus need direct items.
  return (
    <UserMenu>
      {[
        ...locales.map((l) => <LanguageItem key={l.locale} code={l.locale} name={l.name} />),
        <ThemeItem key="theme" />,
        <Divider key="divider" />,
        <ChangePasswordMenuItem key="password" />,
        <TwoFactorMenuItem key="two-factor" />,
        <Logout key="logout" />,
      ]}
    </UserMenu>
  );
}
