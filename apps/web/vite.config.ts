import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { builtinHotReload } from './builtinHotReload.ts';
import { precompress } from './precompress.ts';

// The server serves dist/ on the same port as its API and WebSocket, so the app uses relative URLs;
// in `vite dev` the API, the WebSockets and installed plugins' files are proxied to a server started
// with --port 4321. The proxy keeps the browser's Host (`changeOrigin: false`): the server refuses a
// state-changing request whose Origin is not the host it was sent to (CSRF defence), and Vite's
// shorthand would rewrite Host to the server's and have every sign-in and edit refused.
const SERVER = process.env.REPERTOIRE_DEV_SERVER ?? 'http://localhost:4321';
const proxied = (target: string, ws = false) => ({ target, changeOrigin: false, ws });
export default defineConfig({
  plugins: [react(), precompress(), builtinHotReload()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2023', chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': proxied(SERVER),
      '/plugins': proxied(SERVER),
      '/sync': proxied(SERVER.replace(/^http/, 'ws'), true),
      '/y': proxied(SERVER.replace(/^http/, 'ws'), true),
    },
  },
});
