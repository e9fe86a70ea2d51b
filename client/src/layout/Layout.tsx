import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { MfaGate } from '../account/MfaGate.tsx';
import { StepUpDialog } from '../account/StepUpDialog.tsx';
import { KboAppBar } from './AppBar.tsx';
import { AppMenu } from './Menu.tsx';

// Wide tables scroll inside their card instead of widening the page (react-admin's layout
// otherwise grows to fit its content, pushing the app bar's buttons off screen).
export function KboLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={KboAppBar} menu={AppMenu} sx={{ minWidth: 0, '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar': { minWidth: 0 }, '& .RaLayout-content': { minWidth: 0, px: { xs: 1, sm: 2 } } }}>
      <MfaGate>{children}</MfaGate>
      <StepUpDialog />
    </Layout>
  );
}
