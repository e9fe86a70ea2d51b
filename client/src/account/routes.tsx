// Pages about one's own account, outside any resource.
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH } from './ChangePasswordMenuItem.tsx';

const ChangePasswordPage = lazy(() => import('./ChangePasswordPage.tsx'));

export const accountRoutes = [<Route key="password" path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />];
