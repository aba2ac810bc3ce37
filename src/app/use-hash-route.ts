import { useSyncExternalStore } from 'react';

export type Route = 'score' | 'train';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The page's two views: scoring at `#/` (and no hash), training at `#/train`. */
export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, () =>
    window.location.hash.replace(/\/$/, '') === '#/train' ? 'train' : 'score',
  );
}
