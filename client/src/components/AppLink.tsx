import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../router.js';

/** An in-app link: a plain click stays in the page; a new-tab click (modifier or middle button) works as usual. */
export function AppLink({ to, children }: { to: string; children: ReactNode }) {
  function onClick(e: MouseEvent<HTMLAnchorElement>) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  }
  return (
    <a href={to} onClick={onClick}>
      {children}
    </a>
  );
}
