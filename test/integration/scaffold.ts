// What the tests of `pnpm create-plugin` share: running the script, and doing for a scaffold what
// `pnpm install` would (link its workspace dependencies) in a throwaway root outside the workspace.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const repoRoot = join(import.meta.dirname, '..', '..');
/** A tool the repository installed, e.g. `tsc`, `vitest`, `vite`. */
export const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);

/** Runs `pnpm create-plugin` (the script itself) with the given arguments. */
export const createPlugin = (...args: string[]) =>
  run(process.execPath, [join(repoRoot, 'scripts', 'create-plugin.ts'), ...args]);

/** What `pnpm install` does for the scaffold: links its workspace dependencies. */
export function linkWorkspaceDeps(pluginDir: string): void {
  const scope = join(pluginDir, 'node_modules', '@repertoire');
  mkdirSync(scope, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  // Vite, for `pnpm build`: the very copy the workspace installed.
  symlinkSync(
    realpathSync(join(repoRoot, 'packages', 'plugin-host', 'node_modules', 'vite')),
    join(pluginDir, 'node_modules', 'vite'),
  );
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }))
    if (name.startsWith('@repertoire/'))
      symlinkSync(
        join(repoRoot, 'packages', name.replace('@repertoire/', '')),
        join(scope, name.slice('@repertoire/'.length)),
      );
}
