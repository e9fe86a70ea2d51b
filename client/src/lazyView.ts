// A screen loaded on demand (React.lazy) that can also be fetched ahead of time: `preload()`
// starts the same download the first render would, once. Lists are preloaded after sign-in
// and the screen of a deep link at start-up (preloadViews.ts), so a click or a link does not
// wait for its chunk (issue #13).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// Props default to any, React's own convention for "a component of any screen" (ComponentType<any>):
// a view of one screen must fit where views of all screens are listed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any screen's props
export type PreloadableView<P = any> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any screen's props
export function lazyView<P = any>(load: () => Promise<{ default: ComponentType<P> }>): PreloadableView<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const once = () => (loading ??= load());
  return Object.assign(lazy(once), { preload: once });
}
