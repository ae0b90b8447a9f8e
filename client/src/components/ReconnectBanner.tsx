import { useEffect, useState } from 'react';
import type { Connection } from '../room/types.js';

/** Says when the connection drops, and what was caught up when it comes back. */
export function ReconnectBanner({ connection }: { connection: Connection }) {
  const [showBack, setShowBack] = useState(false);
  const caughtUp = connection.state === 'online' ? connection.caughtUp : undefined;
  useEffect(() => {
    if (caughtUp === undefined) return;
    setShowBack(true);
    const t = setTimeout(() => setShowBack(false), 6000);
    return () => clearTimeout(t);
  }, [connection, caughtUp]);

  let text = '';
  let kind = 'info';
  if (connection.state === 'offline') {
    text = 'The connection dropped. We are reconnecting you; nothing you have sent is lost.';
    kind = 'warn';
  } else if (connection.state === 'refused') {
    text = connection.message;
    kind = 'warn';
  } else if (showBack && caughtUp !== undefined) {
    text =
      caughtUp > 0
        ? `You are back. We caught you up on ${caughtUp} new ${caughtUp === 1 ? 'message' : 'messages'}.`
        : 'You are back. Nothing new was said while you were away.';
  }
  return (
    <div
      className={`banner banner-${kind}`}
      role="status"
      aria-live="polite"
      hidden={!text}
      data-testid="connection-banner"
    >
      {text}
    </div>
  );
}
