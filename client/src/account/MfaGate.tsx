// An admin without a second factor sees only the set-up page (the API refuses everything else
// with `mfa_enrolment_required` anyway; this saves them the refusals).
import type { ReactNode } from 'react';
import { useGetIdentity } from 'react-admin';
import { Navigate, useLocation } from 'react-router-dom';
import { TWO_FACTOR_PATH } from '../authProvider.ts';

export function MfaGate({ children }: { children: ReactNode }) {
  const { identity } = useGetIdentity();
  const { pathname } = useLocation();
  if (identity?.mfa_enrolment_required && pathname !== TWO_FACTOR_PATH) return <Navigate to={TWO_FACTOR_PATH} replace />;
  return <>{children}</>;
}
