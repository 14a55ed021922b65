import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { builtinHotReload } from './builtinHotReload.ts';
import { precompress } from './precompress.ts';

// The server serves dist/ on the same port as its API and WebSocket, so the app uses relative URLs;
// in `vite dev` the API and WebSocket are proxied to a server started with --port 4321.
export default defineConfig({
  plugins: [react(), precompress(), builtinHotReload()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2023', chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': 'http://localhost:4321',
      '/sync': { target: 'ws://localhost:4321', ws: true },
    },
  },
});
