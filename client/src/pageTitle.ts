import { useEffect } from 'react';

/** Sets the tab's title while a screen is shown ("… · Mediation Rooms"). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title.includes('Mediation Rooms') ? title : `${title} · Mediation Rooms`;
  }, [title]);
}
