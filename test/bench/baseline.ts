/**
 * The baselines the room benchmarks are divided by, served from the same process as the app:
 *
 * - a bare socket.io server (the app's socket.io version and buffer limit) that joins each socket
 *   to the room named in its handshake and, on `message:send`, broadcasts the payload to the rest of
 *   the room (not back to the sender, whose ack carries it, as the app does) and acknowledges;
 * - a bare WebSocket relay that forwards every frame to the other sockets on the same path, so two
 *   stock y-websocket providers sync with each other through it, peer to peer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Baseline {
  /** http://127.0.0.1:PORT for socket.io clients */
  socketUrl: string;
  /** ws://127.0.0.1:PORT/relay for y-websocket providers (the room name is appended as a path) */
  relayUrl: string;
  close(): Promise<void>;
}

export async function startBaseline(): Promise<Baseline> {
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const io = new Server(server, { destroyUpgrade: false, maxHttpBufferSize: 64 * 1024, serveClient: false });
  io.on('connection', (socket) => {
    const room = String((socket.handshake.auth as { room?: unknown } | undefined)?.room ?? 'lobby');
    socket.join(room);
    socket.on('message:send', (payload: unknown, ack?: (x: unknown) => void) => {
      socket.to(room).emit('message', payload);
      if (typeof ack === 'function') ack({ ok: true, status: 'delivered' });
    });
  });

  const relay = new WebSocketServer({ noServer: true });
  const peers = new Map<string, Set<WebSocket>>();
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/socket.io/')) return;
    if (!req.url?.startsWith('/relay/')) return socket.destroy();
    const key = req.url.split('?')[0];
    relay.handleUpgrade(req, socket, head, (ws) => {
      const set = peers.get(key) ?? new Set<WebSocket>();
      peers.set(key, set);
      set.add(ws);
      ws.on('message', (data, isBinary) => {
        for (const other of set)
          if (other !== ws && other.readyState === other.OPEN) other.send(data, { binary: isBinary });
      });
      ws.on('close', () => set.delete(ws));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    socketUrl: `http://127.0.0.1:${port}`,
    relayUrl: `ws://127.0.0.1:${port}/relay`,
    close: async () => {
      for (const set of peers.values()) for (const ws of set) ws.terminate();
      relay.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      server.closeAllConnections?.();
    },
  };
}
