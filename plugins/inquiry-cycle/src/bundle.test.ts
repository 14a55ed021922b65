import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGraphDoc, Workspace } from '@repertoire/core';
import * as community from '@repertoire/plugin-community';
import { createHeadlessHost } from '@repertoire/plugin-host';
import { createNodeSandbox } from '@repertoire/plugin-host/node';
import * as knowledge from '@repertoire/plugin-knowledge';
import { build } from 'vite';
import { afterAll, expect, it } from 'vitest';

const pluginDir = join(import.meta.dirname, '..');
// Outside the repository: no node_modules to fall back on, as on a server's plugins directory.
const out = mkdtempSync(join(tmpdir(), 'repertoire-inquiry-dist-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('packs into one self-contained module that runs in the Worker sandbox from its own directory', async () => {
  await build({
    root: pluginDir,
    configFile: join(pluginDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: out },
  });
  const packageJson = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
  expect(packageJson.repertoire).toMatchObject({ id: 'sample.inquiry-cycle', main: './index.js' });
  expect(readFileSync(join(out, 'index.js'), 'utf8')).not.toMatch(/^import\b/m);

  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host } = createHeadlessHost(workspace, {
    createSandbox: createNodeSandbox,
    modules: {
      'repertoire.community': async () => community,
      'repertoire.knowledge': async () => knowledge,
    },
  });
  try {
    await host.add([
      { packageJson: community.packageJson, builtin: true },
      { packageJson: knowledge.packageJson, builtin: true },
      { packageJson, baseUrl: `${pathToFileURL(out).href}/` },
    ]);
    await host.setEnabled('sample.inquiry-cycle', true);
    await host.start();
    const problem = (await host.executeCommand(
      'knowledge.addProblem',
      'Silent students',
    )) as string;
    const inquiry = (await host.executeCommand('inquiry.start', problem, 'Who is lost?')) as string;
    expect(workspace.getEntity(inquiry as never)?.title).toBe('Who is lost? (cycle 1)');
    expect(host.plugins().find((p) => p.id === 'sample.inquiry-cycle')?.sandboxed).toBe(true);
  } finally {
    await host.shutdown();
  }
});
