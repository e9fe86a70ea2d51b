// Fetching screens before they are asked for, so neither a menu click nor a deep link waits for
// its script chunk after the data it needs could already be on its way (issue #13): the screen
// of the address the app starts on, at start-up beside the session check; the home page while
// the sign-in form is open; every list the role reads once the browser is idle after sign-in.
import type { Role } from '../../shared/enums.ts';
import { lazyView, type PreloadableView } from './lazyView.ts';
import { canRead } from './permissions.ts';
import { RESOURCES } from './resources/registry.ts';

export const DashboardView = lazyView(() => import('./dashboard/Dashboard.tsx'));

const preload = (view: unknown) => void (view as Partial<PreloadableView> | undefined)?.preload?.();

/** When the browser has nothing else to do (or after a second at the latest). */
function whenIdle(run: () => void) {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 200);
}

/** The screen `pathname` opens: /R (list), /R/:id/show, /R/create, /R/:id (edit), / (home). */
export function preloadScreenOf(pathname: string): void {
  const [, name, id, tail] = pathname.split('/');
  if (!name) return preload(DashboardView);
  const views = RESOURCES.find((r) => r.name === name)?.views;
  if (!views) return;
  if (!id) preload(views.list);
  else if (id === 'create') preload(views.create);
  else preload(tail === 'show' ? views.show : views.edit);
}

export function preloadHomeWhenIdle(): void {
  whenIdle(() => preload(DashboardView));
}

let listsPreloaded = false;
/** After sign-in, the screen opened first (the home page's charts) gets the network and the CPU first. */
const LISTS_AFTER_MS = 2000;

/** Every list `role` reads, once per page load. */
export function preloadListsWhenIdle(role: Role | undefined): void {
  if (!role || listsPreloaded) return;
  listsPreloaded = true;
  setTimeout(() => whenIdle(() => {
    for (const { name, views } of RESOURCES) if (canRead(role, name)) preload(views.list);
  }), LISTS_AFTER_MS);
}
