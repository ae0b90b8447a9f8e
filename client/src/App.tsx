import { lazy, Suspense, useEffect } from 'react';
import { JoinScreen } from './components/JoinScreen.js';
import { RoomScreen } from './components/RoomScreen.js';
import { StartScreen } from './components/StartScreen.js';
import { useRoute } from './router.js';

const PrintView = lazy(() => import('./components/PrintView.js').then((m) => ({ default: m.PrintView })));

export function App() {
  const route = useRoute();
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route.name]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the main content
      </a>
      <main id="main" tabIndex={-1}>
        {route.name === 'start' && <StartScreen />}
        {route.name === 'join' && <JoinScreen roomId={route.roomId} code={route.code} />}
        {route.name === 'room' && <RoomScreen key={route.roomId} roomId={route.roomId} />}
        {route.name === 'print' && (
          <Suspense fallback={<p className="page narrow muted">Opening the agreement…</p>}>
            <PrintView roomId={route.roomId} />
          </Suspense>
        )}
      </main>
    </>
  );
}
