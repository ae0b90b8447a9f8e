/**
 * `npm run dev`: the API server with reload (tsx watch) and Vite's dev server, whose proxy sends
 * /api, /socket.io and /yjs to it. Open the Vite URL. Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const serverPort = process.env.PORT ?? '3000';
const clientPort = process.env.CLIENT_PORT ?? '5173';
const env = { ...process.env, PORT: serverPort, SERVER_PORT: serverPort, CLIENT_PORT: clientPort };

const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', 'server/main.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite', '--config', 'client/vite.config.ts', '--strictPort'], { stdio: 'inherit', env }),
];

let stopping = false;
function stop(code = 0): void {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
console.log(`dev: open http://localhost:${clientPort} (Vite, with reload); the API server runs on port ${serverPort}`);
