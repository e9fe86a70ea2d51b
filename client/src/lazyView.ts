// A screen loaded on demand (React.lazy) that can also be fetched ahead of time: `preload()`
// starts the same download the first render would, once. Lists are preloaded after sign-in
// and the screen of a deep link at start-up (preloadViews.ts), so a click or a link does not
// wait for its chunk (issue #13).
//
// Once the chunk is in, a new mount renders the module's component directly. Through React.lazy
// even a loaded chunk suspends its first render (the module comes from a promise), and React
// holds a revealed Suspense boundary back for a few hundred milliseconds: the list's request
// would start that much after the click. Each mount keeps the component it started with, so a
// screen that mounted through lazy is never remounted when the chunk arrives.
import { createElement, lazy, useState, type ComponentType } from 'react';

// Props default to any, React's own convention for "a component of any screen" (ComponentType<any>):
// a view of one screen must fit where views of all screens are listed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any screen's props
export type PreloadableView<P = any> = ComponentType<P> & { preload: () => Promise<unknown> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any screen's props
export function lazyView<P = any>(load: () => Promise<{ default: ComponentType<P> }>): PreloadableView<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const once = () => (loading ??= load().then((module) => {
    loaded = module.default;
    return module;
  }));
  const Lazy = lazy(once);
  function View(props: P) {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component as ComponentType<object>, props as object);
  }
  return Object.assign(View, { preload: once });
}
