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

describe('the plugin rule', () => {
  let dir: TempDir;
  afterEach(() => dir.dispose());

  const api = {
    'packages/plugin-api/src/index.ts': 'export const api = 1;\n',
    'packages/graph-view/src/index.ts': 'export const view = 1;\n',
    'apps/x/src/main.ts': 'export {};\n',
  };

  it("accepts a plugin that imports only the API and a component library, and a test's headless host", async () => {
    dir = await tempDir();
    const result = await cruise(dir, {
      ...api,
      'packages/plugin-host/src/index.ts': 'export const host = 1;\n',
      'plugins/p/src/index.ts':
        "import { api } from '../../../packages/plugin-api/src/index.ts';\nimport { view } from '../../../packages/graph-view/src/index.ts';\nexport const p = api + view;\n",
      'plugins/p/src/index.test.ts':
        "import { host } from '../../../packages/plugin-host/src/index.ts';\nimport { p } from './index.ts';\nexport const t = host + p;\n",
    });
    expect(result.output).not.toMatch(/error/);
    expect(result.ok).toBe(true);
  });

  it('fails a plugin importing the core or the plugin host', async () => {
    dir = await tempDir();
    const result = await cruise(dir, {
      ...api,
      'packages/core/src/index.ts': 'export const core = 1;\n',
      'packages/plugin-host/src/index.ts': 'export const host = 1;\n',
      'plugins/p/src/index.ts':
        "import { core } from '../../../packages/core/src/index.ts';\nimport { host } from '../../../packages/plugin-host/src/index.ts';\nexport const p = core + host;\n",
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/plugin-only-api: plugins\/p\/src\/index\.ts → packages\/core/);
    expect(result.output).toMatch(
      /plugin-only-api: plugins\/p\/src\/index\.ts → packages\/plugin-host/,
    );
  });

  it('fails a plugin importing another plugin', async () => {
    dir = await tempDir();
    const result = await cruise(dir, {
      ...api,
      'plugins/a/src/index.ts': 'export const a = 1;\n',
      'plugins/b/src/index.ts':
        "import { a } from '../../a/src/index.ts';\nimport { helper } from './helper.ts';\nexport const b = a + helper;\n",
      'plugins/b/src/helper.ts': 'export const helper = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/plugin-not-to-plugin: plugins\/b\/src\/index\.ts → plugins\/a/);
    // Its own modules are not another plugin.
    expect(result.output).not.toMatch(/→ plugins\/b\/src\/helper/);
  });

  it("fails a plugin's test reaching the workbench", async () => {
    dir = await tempDir();
    const result = await cruise(dir, {
      ...api,
      'packages/workbench/src/index.ts': 'export const w = 1;\n',
      'plugins/p/src/index.ts': 'export const p = 1;\n',
      'plugins/p/src/view.test.tsx':
        "import { w } from '../../../packages/workbench/src/index.ts';\nexport const t = w;\n",
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/plugin-test-helpers-only/);
  });

  it('fails a component library reaching the sync client or the core', async () => {
    dir = await tempDir();
    const result = await cruise(dir, {
      ...api,
      'packages/core/src/index.ts': 'export const core = 1;\n',
      'packages/sync/src/index.ts': 'export const sync = 1;\n',
      'packages/editor/src/index.ts':
        "import { core } from '../../core/src/index.ts';\nimport { sync } from '../../sync/src/index.ts';\nexport const e = core + sync;\n",
      'plugins/p/src/index.ts': 'export const p = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /library-not-to-host: packages\/editor\/src\/index\.ts → packages\/sync/,
    );
    expect(result.output).toMatch(
      /library-not-to-core: packages\/editor\/src\/index\.ts → packages\/core/,
    );
  });
});
