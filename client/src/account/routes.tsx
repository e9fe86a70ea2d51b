// Pages about one's own account, outside any resource.
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { TWO_FACTOR_PATH } from '../authProvider.ts';
import { CHANGE_PASSWORD_PATH } from './ChangePasswordMenuItem.tsx';

const ChangePasswordPage = lazy(() => import('./ChangePasswordPage.tsx'));
const TwoFactorPage = lazy(() => import('./TwoFactorPage.tsx'));

export const accountRoutes = [
  <Route key="password" path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />,
  <Route key="two-factor" path={TWO_FACTOR_PATH} element={<TwoFactorPage />} />,
];
