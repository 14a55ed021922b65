// What the tests of `pnpm create-plugin` share: running the script, and doing for a scaffold what
// `pnpm install` would (link its workspace dependencies) in a throwaway root outside the workspace.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Makes `root` a throwaway repository root: the repository's node_modules, an empty tsconfig. */
export function prepareRoot(root: string): void {
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'tsconfig.json'), `${JSON.stringify({ files: [], references: [] })}\n`);
}

/** The guide's dashboard: `create-plugin community-dashboard --template view` in `root`, linked. */
export async function scaffoldDashboard(root: string): Promise<{ dir: string; stdout: string }> {
  const args = ['--template', 'view', '--publisher', 'acme', '--root', root];
  const { stdout } = await createPlugin('community-dashboard', ...args);
  const dir = join(root, 'plugins', 'community-dashboard');
  linkWorkspaceDeps(dir);
  return { dir, stdout };
}
