import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An installed plugin as the API lists it. */
export interface PluginInfo {
  id: string;
  displayName: string;
  version: string;
  description: string;
  /** Where its files are served: `/plugins/<folder>/` (its package.json and bundle). */
  url: string;
  /** Its ESM entry, relative to `url`. */
  main: string;
  /** Its whole package.json (the manifest in `repertoire`), so a client needs no second request. */
  packageJson: Record<string, unknown>;
}

/** Reads the `repertoire` manifest of every `<dir>/<plugin>/package.json`; skips unreadable ones. */
export function listPlugins(dir: string | undefined): PluginInfo[] {
  if (!dir || !existsSync(dir)) return [];
  const plugins: PluginInfo[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = join(dir, entry.name, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
        description?: string;
        version?: string;
        main?: string;
        repertoire?: {
          id?: string;
          displayName?: string;
          version?: string;
          description?: string;
          main?: string;
        };
      };
      const manifest = pkg.repertoire;
      if (!manifest?.id) continue;
      plugins.push({
        id: manifest.id,
        displayName: manifest.displayName ?? manifest.id,
        version: manifest.version ?? pkg.version ?? '0.0.0',
        description: manifest.description ?? pkg.description ?? '',
        url: `/plugins/${encodeURIComponent(entry.name)}/`,
        main: manifest.main ?? pkg.main ?? 'index.js',
        packageJson: pkg as Record<string, unknown>,
      });
    } catch {
      // A broken manifest is the plugin host's to report; the catalogue just leaves it out.
    }
  }
  return plugins.sort((a, b) => a.id.localeCompare(b.id));
}
