import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { precompress } from './precompress.ts';

describe('precompression at build', () => {
  it('writes brotli and gzip copies of text assets, and leaves small files and images alone', () => {
    const dir = { path: mkdtempSync(join(tmpdir(), 'repertoire-precompress-')) };
    try {
      const dist = join(dir.path, 'dist');
      mkdirSync(join(dist, 'assets'), { recursive: true });
      const script = 'export const members = ["a", "b"];\n'.repeat(500);
      writeFileSync(join(dist, 'assets', 'app.js'), script);
      writeFileSync(join(dist, 'tiny.css'), 'a{}');
      writeFileSync(join(dist, 'logo.png'), Buffer.alloc(4096));
      const plugin = precompress();
      (plugin.configResolved as (c: ResolvedConfig) => void)({
        root: dir.path,
        // An absolute outDir, as the e2e stage builds into a temp dir.
        build: { outDir: dist },
      } as ResolvedConfig);
      (plugin.closeBundle as () => void)();
      const br = readFileSync(join(dist, 'assets', 'app.js.br'));
      const gz = readFileSync(join(dist, 'assets', 'app.js.gz'));
      expect(brotliDecompressSync(br).toString()).toBe(script);
      expect(gunzipSync(gz).toString()).toBe(script);
      expect(br.length).toBeLessThan(script.length / 10);
      expect(existsSync(join(dist, 'tiny.css.br'))).toBe(false);
      expect(existsSync(join(dist, 'logo.png.br'))).toBe(false);
    } finally {
      rmSync(dir.path, { recursive: true, force: true });
    }
  });
});
