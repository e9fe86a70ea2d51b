// Renders a component inside react-admin's contexts (data, auth, i18n, theme, a memory router
// and in-memory store), the way the app does, with fakes the test controls.
import { act, configure, render, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { ReactNode } from 'react';
import {
  AdminContext, memoryStore, ResourceDefinitionContextProvider, TestMemoryRouter, type AuthProvider, type DataProvider,
  type TranslationMessages,
} from 'react-admin';
import type { Role } from '../../../shared/enums.ts';
import en from '../i18n/en.ts';
import es from '../i18n/es.ts';
import pt from '../i18n/pt.ts';
import { canDo } from '../permissions.ts';
import { RESOURCES } from '../resources/registry.ts';
import { lightTheme } from '../theme.ts';

// findBy*/waitFor give up after 1 s by default; a lazy view's first render on a busy two-core CI
// machine can take longer. Waiting longer costs nothing when the test passes.
configure({ asyncUtilTimeout: 5000 });

const MESSAGES: Record<string, TranslationMessages> = { en, es, pt };

type AccessQuestion = { resource?: string; action?: string };

/**
 * The data provider methods a test stubs: react-admin's or the app's own (refund, …). A stub
 * answers what the view under test reads, not whole records, so each is checked only as a function.
 */
type StubDataProvider = Record<string, (...args: never[]) => unknown>;

export function fakeAuth(role: Role, asked: AccessQuestion[] = []): AuthProvider {
  return {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getIdentity: async () => ({ id: `usr_${role}`, fullName: `${role} user` }),
    getPermissions: async () => role,
    canAccess: async ({ resource, action }) => {
      asked.push({ resource, action });
      return canDo(role, resource, action);
    },
  };
}

const definitions = Object.fromEntries(RESOURCES.map(({ name }) => [name, { name, hasList: true, hasShow: true, hasEdit: false, hasCreate: false }]));

export function renderInAdmin(
  ui: ReactNode,
  opts: {
    role?: Role; dataProvider?: StubDataProvider; locale?: string; onLocation?: (path: string, search: string) => void;
    /** Where the memory router starts (for views that read their id from the URL). */
    path?: string;
  } = {},
) {
  const i18nProvider = polyglotI18nProvider((l) => MESSAGES[l] ?? en, opts.locale ?? 'en', [
    { locale: 'en', name: 'English' }, { locale: 'es', name: 'Español' }, { locale: 'pt', name: 'Português' },
  ]);
  const asked: AccessQuestion[] = [];
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  /**
   * Resolves once the view has asked for `resource`/`action` and every question has been answered
   * and rendered — the moment a "not offered to this role" check means something.
   */
  const accessAnswered = async (resource: string, action: string) => {
    await waitFor(() => {
      if (!asked.some((q) => q.resource === resource && q.action === action)) throw new Error(`canAccess(${resource}, ${action}) was never asked`);
      if (queryClient.isFetching() > 0) throw new Error('permission checks still pending');
    });
    // react-query hands results to components on the next macrotask: let that render happen.
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  };
  const rendered = render(
    <TestMemoryRouter locationCallback={(l) => opts.onLocation?.(l.pathname, l.search)} initialEntries={opts.path ? [opts.path] : undefined}>
      <AdminContext
        // The stubs stand in for the methods the view calls (StubDataProvider).
        dataProvider={(opts.dataProvider ?? {}) as unknown as DataProvider}
        authProvider={fakeAuth(opts.role ?? 'admin', asked)}
        queryClient={queryClient}
        i18nProvider={i18nProvider}
        store={memoryStore()}
        theme={lightTheme}
      >
        <ResourceDefinitionContextProvider definitions={definitions}>{ui}</ResourceDefinitionContextProvider>
      </AdminContext>
    </TestMemoryRouter>,
  );
  return { ...rendered, accessAnswered };
}
