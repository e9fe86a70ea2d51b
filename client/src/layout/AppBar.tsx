// The app bar: product mark, the page title, the global search, language and theme switchers,
// and the user menu (which holds the switchers on phones).
import { Box } from '@mui/material';
import { AppBar, LoadingIndicator, LocalesMenuButton, Logout, TitlePortal, ToggleThemeButton, UserMenu, useTranslate } from 'react-admin';
import { ChangePasswordMenuItem } from '../account/ChangePasswordMenuItem.tsx';
import { TwoFactorMenuItem } from '../account/TwoFactorMenuItem.tsx';
import { useIsSmall } from '../common/useIsSmall.ts';
import { LogoMark } from './LogoMark.tsx';
import { PhoneUserMenu } from './PhoneUserMenu.tsx';
import { SearchBox } from './SearchBox.tsx';

function Toolbar() {
  return (
    <>
      <LocalesMenuButton />
      <ToggleThemeButton />
      <LoadingIndicator />
    </>
  );
}

function DesktopUserMenu() {
  return (
    <UserMenu>
      <ChangePasswordMenuItem />
      <TwoFactorMenuItem />
      <Logout />
    </UserMenu>
  );
}

export function KboAppBar() {
  const translate = useTranslate();
  const isSmall = useIsSmall();
  return (
    <AppBar
      toolbar={isSmall ? false : <Toolbar />}
      userMenu={isSmall ? <PhoneUserMenu /> : <DesktopUserMenu />}
      color="inherit"
      sx={{ '& .RaAppBar-toolbar': { position: 'relative', pr: 1 } }}
    >
      {!isSmall && (
        <Box sx={{ display: 'flex', alignItems: 'center', mr: 1.5, flexShrink: 0 }} title={translate('app.name')}>
          <LogoMark size={26} />
        </Box>
      )}
      <TitlePortal variant="subtitle1" sx={{ fontWeight: 600, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} />
      <SearchBox />
    </AppBar>
  );
}
