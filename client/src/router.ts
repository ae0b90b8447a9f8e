import { useEffect, useState } from 'react';

export type Route =
  | { name: 'start' }
  | { name: 'join'; roomId: string; code: string }
  | { name: 'room'; roomId: string }
  | { name: 'print'; roomId: string };

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  let m = /^\/join\/([^/]+)\/?$/.exec(pathname);
  if (m) return { name: 'join', roomId: decodeURIComponent(m[1]), code: params.get('code') ?? '' };
  m = /^\/room\/([^/]+)\/print\/?$/.exec(pathname);
  if (m) return { name: 'print', roomId: decodeURIComponent(m[1]) };
  m = /^\/room\/([^/]+)\/?$/.exec(pathname);
  if (m) return { name: 'room', roomId: decodeURIComponent(m[1]) };
  return { name: 'start' };
}

/** The address of a room's page. */
export const roomPath = (roomId: string): string => `/room/${encodeURIComponent(roomId)}`;

const listeners = new Set<() => void>();

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname, location.search));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
