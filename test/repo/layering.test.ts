import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type TempDir, tempDir } from '../src/index.ts';

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, '..', '..');
const depcruise = join(repoRoot, 'node_modules', '.bin', 'depcruise');
const config = join(repoRoot, '.dependency-cruiser.cjs');

/** Lays out a throwaway repo shaped like ours and runs the real dependency check over it. */
async function cruise(dir: TempDir, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir.path, path)), { recursive: true });
    writeFileSync(join(dir.path, path), text);
  }
  try {
    const { stdout } = await run(depcruise, ['--config', config, 'packages', 'apps', 'plugins'], {
      cwd: dir.path,
    });
    return { ok: true, output: stdout };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('the layer rule', () => {
  let dir: TempDir;
  afterEach(() => dir.dispose());

  it('accepts imports that point down the layers', async () => {
    dir = await tempDir();
    const result = await cruise(dir, {
      'packages/schema/src/index.ts': 'export const a = 1;\n',
      'packages/core/src/index.ts':
        "import { a } from '../../schema/src/index.ts';\nexport const b = a;\n",
      'apps/web/src/main.ts':
        "import { b } from '../../../packages/core/src/index.ts';\nconsole.log(b);\n",
      'plugins/p/src/index.ts': 'export {};\n',
      'packages/server/src/index.ts': 'export {};\n',
    });
    expect(result.output).not.toMatch(/error/);
    expect(result.ok).toBe(true);
  });

  it('fails an upward import from core into the plugin host', async () => {
    dir = await tempDir();
    const result = await cruise(dir, {
      'packages/plugin-host/src/index.ts': 'export const host = 1;\n',
      'packages/core/src/index.ts':
        "import { host } from '../../plugin-host/src/index.ts';\nexport const c = host;\n",
      'apps/x/src/main.ts': 'export {};\n',
      'plugins/p/src/index.ts': 'export {};\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/layer:packages\/core/);
  });

  it('fails a package importing a plugin, and core importing a Node built-in', async () => {
    dir = await tempDir();
    const result = await cruise(dir, {
      'plugins/community/src/index.ts': 'export const k = 1;\n',
      'packages/workbench/src/index.ts':
        "import { k } from '../../../plugins/community/src/index.ts';\nexport const w = k;\n",
      'packages/core/src/index.ts':
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      'apps/x/src/main.ts': 'export {};\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/layer:packages\/workbench/);
    expect(result.output).toMatch(/common-no-node/);
  });

  it('fails a browser package importing the Node-only server', async () => {
    dir = await tempDir();
    const result = await cruise(dir, {
      'packages/server/src/index.ts': 'export const s = 1;\n',
      'apps/web/src/main.ts':
        "import { s } from '../../../packages/server/src/index.ts';\nconsole.log(s);\n",
      'plugins/p/src/index.ts': 'export {};\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/server-only-in-server-app/);
  });
});
