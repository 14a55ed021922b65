// `pnpm build` packs this plugin the way a server ships a third-party plugin: `dist/` holds one
// self-contained ES module (the public API's small runtime included) and a package.json whose
// manifest points at it. Copy `dist/` into the server's plugins directory as `inquiry-cycle/`.
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/** Writes the distributed package.json: the manifest, with `main` pointing at the bundle. */
function distributedManifest(): Plugin {
  return {
    name: 'repertoire-plugin-manifest',
    generateBundle() {
      const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));
      const { name, version, description, type, repertoire } = pkg;
      this.emitFile({
        type: 'asset',
        fileName: 'package.json',
        source: `${JSON.stringify(
          { name, version, description, type, repertoire: { ...repertoire, main: './index.js' } },
          null,
          2,
        )}\n`,
      });
    },
  };
}

export default defineConfig({
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2023',
    minify: false,
  },
  plugins: [distributedManifest()],
});
