import { useEffect, type ReactNode } from 'react';
import { Layout, usePermissions } from 'react-admin';
import type { Role } from '../../../shared/enums.ts';
import { preloadListsWhenIdle } from '../preloadViews.ts';
import { MfaGate } from '../account/MfaGate.tsx';
import { StepUpDialog } from '../account/StepUpDialog.tsx';
import { KboAppBar } from './AppBar.tsx';
import { AppMenu } from './Menu.tsx';

// Wide tables scroll inside their card instead of widening the page (react-admin's layout
// otherwise grows to fit its content, pushing the app bar's buttons off screen).
export function KboLayout({ children }: { children: ReactNode }) {
  const { permissions: role } = usePermissions<Role>();
  // Signed in: the lists this role reads load in the background, so a menu click only fetches data.
  useEffect(() => preloadListsWhenIdle(role), [role]);
  return (
    <Layout appBar={KboAppBar} menu={AppMenu} sx={{ minWidth: 0, '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar': { minWidth: 0 }, '& .RaLayout-content': { minWidth: 0, px: { xs: 1, sm: 2 } } }}>
      <MfaGate>{children}</MfaGate>
      <StepUpDialog />
    </Layout>
  );
}
