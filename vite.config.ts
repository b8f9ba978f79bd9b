// Builds and serves the web client (client/) into dist/client, where the server serves it.
// In development the API runs separately (tools/dev.ts) and /api is proxied to it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { loadConfig } from './server/config.ts';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

export const CLIENT_DIR = path.join(ROOT, 'client');
export const CLIENT_OUT_DIR = path.join(ROOT, 'dist', 'client');

export default defineConfig(({ command }) => ({
  root: CLIENT_DIR,
  plugins: [react()],
  build: {
    outDir: CLIENT_OUT_DIR,
    emptyOutDir: true,
    sourcemap: true,
    // The Cypher console is split off and loaded lazily; the rest stays well under this.
    chunkSizeWarningLimit: 1200,
  },
  // Only the dev server needs the API's address; a build must not depend on the environment.
  server: command === 'serve' ? devServer() : {},
}));

function devServer() {
  const { port, host } = loadConfig().http;
  const apiHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    port: 5173,
    proxy: { '/api': { target: `http://${apiHost}:${port}`, changeOrigin: false } },
  };
}
