import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
/** The API server the dev proxy forwards to (npm run dev serves it on PORT, default 3000). */
const target = `http://127.0.0.1:${process.env.SERVER_PORT ?? process.env.PORT ?? 3000}`;

export default defineConfig({
  root: here,
  plugins: [react()],
  build: { outDir: path.join(here, 'dist'), emptyOutDir: true, sourcemap: true },
  server: {
    port: Number(process.env.CLIENT_PORT ?? 5173),
    fs: { allow: [repo] },
    proxy: {
      '/api': { target },
      '/socket.io': { target, ws: true },
      '/yjs': { target, ws: true },
    },
  },
});
