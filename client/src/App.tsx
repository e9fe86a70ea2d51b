// The SPA: react-admin on the /api list protocol, one <Resource> line per resource. Each
// resource folder's index.ts lazy-loads its list and detail views, so the first download holds
// only the frame (layout, login, menu, search) and each screen loads when first opened.
import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { accountRoutes } from './account/routes.tsx';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider.ts';
import { dataProvider } from './dataProvider.ts';
import { i18nProvider } from './i18n/i18nProvider.ts';
import { KboLayout } from './layout/Layout.tsx';
import { LoginPage } from './layout/LoginPage.tsx';
import audit from './resources/audit/index.ts';
import balances from './resources/balances/index.ts';
import disputes from './resources/disputes/index.ts';
import intents from './resources/intents/index.ts';
import merchants from './resources/merchants/index.ts';
import payments from './resources/payments/index.ts';
import payouts from './resources/payouts/index.ts';
import plans from './resources/plans/index.ts';
import refunds from './resources/refunds/index.ts';
import transactions from './resources/transactions/index.ts';
import users from './resources/users/index.ts';
import { darkTheme, lightTheme } from './theme.ts';

const Dashboard = lazy(() => import('./dashboard/Dashboard.tsx'));
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
      dashboard={Dashboard}
      theme={lightTheme}
      darkTheme={darkTheme}
      requireAuth
      disableTelemetry
    >
      <Resource name="payments" {...payments} />
      <Resource name="intents" {...intents} />
      <Resource name="refunds" {...refunds} />
      <Resource name="disputes" {...disputes} />
      <Resource name="payouts" {...payouts} />
      <Resource name="balances" {...balances} />
      <Resource name="transactions" {...transactions} />
      <Resource name="merchants" {...merchants} />
      <Resource name="plans" {...plans} />
      <Resource name="users" {...users} />
      <Resource name="audit" {...audit} />
      <CustomRoutes>
        {accountRoutes}
        <Route path="/reports" element={<ReportsPage />} />
      </CustomRoutes>
    </Admin>
  );
}
