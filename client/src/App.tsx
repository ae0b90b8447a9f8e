import { useEffect } from 'react';
import { JoinScreen } from './components/JoinScreen.js';
import { PrintView } from './components/PrintView.js';
import { RoomScreen } from './components/RoomScreen.js';
import { StartScreen } from './components/StartScreen.js';
import { useRoute } from './router.js';

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
        {route.name === 'print' && <PrintView roomId={route.roomId} />}
      </main>
    </>
  );
}
