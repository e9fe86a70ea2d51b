// The SPA: react-admin on the /api list protocol, a <Resource> per entry of resources/registry.ts. Each
// resource folder's index.ts lazy-loads its list and detail views, so the first download holds
// only the frame (layout, login, menu, search) and each screen loads when first opened.
import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { accountRoutes } from './account/routes.tsx';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider.ts';
import { dataProvider } from './dataProvider.ts';
import { i18nProvider } from './i18n/i18nProvider.ts';
import { DashboardView } from './preloadViews.ts';
import { KboLayout } from './layout/Layout.tsx';
import { LoginPage } from './layout/LoginPage.tsx';
import { RESOURCES } from './resources/registry.ts';
import { darkTheme, lightTheme } from './theme.ts';

const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx'));

export function App() {
  return (
    <Admin
      title="Kaito Back Office"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={KboLayout}
      loginPage={LoginPage}
      dashboard={DashboardView}
      theme={lightTheme}
      darkTheme={darkTheme}
      requireAuth
      disableTelemetry
    >
      {RESOURCES.map(({ name, views }) => <Resource key={name} name={name} {...views} />)}
      <CustomRoutes>
        {accountRoutes}
        <Route path="/reports" element={<ReportsPage />} />
      </CustomRoutes>
    </Admin>
  );
}
