import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempDir, tempDir } from '../src/index.ts';
import {
  bin,
  createPlugin,
  linkWorkspaceDeps,
  prepareRoot,
  repoRoot,
  run,
  scaffoldDashboard,
} from './scaffold.ts';

// The scaffold goes to a throwaway root (so the real plugins/ and tsconfig stay untouched) whose
// node_modules is the repository's, as in a checkout.
describe('pnpm create-plugin', () => {
  let root: TempDir;
  beforeEach(async () => {
    root = await tempDir('repertoire-create-plugin-');
    prepareRoot(root.path);
  });
  afterEach(() => root.dispose());

  it('scaffolds a plugin that type-checks and whose test passes in the Worker sandbox', async () => {
    const { stdout } = await createPlugin(
      'reading-circle',
      '--publisher',
      'acme',
      '--root',
      root.path,
    );
    expect(stdout).toMatch(/Created plugin acme\.reading-circle/);
    const dir = join(root.path, 'plugins', 'reading-circle');
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).repertoire;
    expect(manifest).toMatchObject({
      id: 'acme.reading-circle',
      engines: { repertoire: '^1.0.0' },
    });
    expect(JSON.parse(readFileSync(join(root.path, 'tsconfig.json'), 'utf8')).references).toEqual([
      { path: 'plugins/reading-circle' },
    ]);
    linkWorkspaceDeps(dir);

    await run(bin('tsc'), ['-b', dir]);
    const test = await run(bin('vitest'), ['run', '--root', dir, '--reporter=verbose']);
    expect(test.stdout).toMatch(/1 passed/);
    expect(test.stdout).toMatch(/running in the Worker sandbox/);

    // `pnpm build` packs it as a server ships it: one module and its manifest pointing at it.
    await run(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: dir });
    const shipped = JSON.parse(readFileSync(join(dir, 'dist', 'package.json'), 'utf8'));
    expect(shipped.repertoire).toMatchObject({ id: 'acme.reading-circle', main: './index.js' });
    expect(readFileSync(join(dir, 'dist', 'index.js'), 'utf8')).toMatch(/export \{/);

    // The scaffold's test can fail: break the command and it does.
    const index = join(dir, 'src', 'index.ts');
    writeFileSync(index, readFileSync(index, 'utf8').replace('return count;', 'return count + 1;'));
    await expect(run(bin('vitest'), ['run', '--root', dir])).rejects.toMatchObject({
      stdout: expect.stringMatching(/1 failed/),
    });
  }, 180_000); // a fresh checkout first builds the referenced packages' declarations

  it('refuses a bad name and an existing plugin, writing nothing', async () => {
    await expect(createPlugin('Reading Circle', '--root', root.path)).rejects.toMatchObject({
      stderr: expect.stringMatching(/"Reading Circle" is not a plugin name/),
    });
    expect(existsSync(join(root.path, 'plugins'))).toBe(false);
    await expect(
      createPlugin('circle', '--template', 'chart', '--root', root.path),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/"chart" is not a template/) });
    expect(existsSync(join(root.path, 'plugins'))).toBe(false);
    // The built-ins' publisher owns the short kind names: a scaffold cannot claim it.
    await expect(
      createPlugin('circle', '--publisher', 'repertoire', '--root', root.path),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /"repertoire" is reserved for the plugins shipped with Repertoire/,
      ),
    });
    expect(existsSync(join(root.path, 'plugins'))).toBe(false);
    await createPlugin('circle', '--root', root.path);
    await expect(createPlugin('circle', '--root', root.path)).rejects.toMatchObject({
      stderr: expect.stringMatching(/plugins\/circle already exists/),
    });
  });

  it('the author guide’s first steps work as written (docs/plugins.md)', async () => {
    // The guide's code blocks, in order: the contributes fragment, the import, the command, the test.
    const guide = readFileSync(join(repoRoot, 'docs', 'plugins.md'), 'utf8');
    const blocks = [...guide.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({
      lang,
      code: code ?? '',
    }));
    const contributes = blocks.find((b) => b.lang === 'json')?.code ?? '';
    const [importLine, command, test] = blocks.filter((b) => b.lang === 'ts').map((b) => b.code);
    expect(contributes).toMatch(/"entityKinds"/);
    expect(importLine).toMatch(/^import \{ argOrAsk/);
    expect(command).toMatch(/registerCommand\(\s*'reading-circle.addReading'/);
    expect(test).toMatch(/^it\('adds a reading/);

    await createPlugin('reading-circle', '--publisher', 'acme', '--root', root.path);
    const dir = join(root.path, 'plugins', 'reading-circle');
    const pkgFile = join(dir, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    // Steps 1 and 2 of the guide's prose, then step 3's fragment.
    pkg.repertoire.permissions = ['graph.read', 'graph.write'];
    pkg.repertoire.activationEvents.push('onCommand:reading-circle.addReading');
    Object.assign(pkg.repertoire.contributes, JSON.parse(`{${contributes}}`));
    writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
    const index = join(dir, 'src', 'index.ts');
    const source = readFileSync(index, 'utf8')
      .replace("import type { PluginContext } from '@repertoire/plugin-api';\n", importLine ?? '')
      .replace(/\n {2}\);\n\}\n$/, `\n${command}  );\n}\n`);
    expect(source).toMatch(/reading-circle.addReading/);
    writeFileSync(index, source);
    const testFile = join(dir, 'src', 'reading-circle.test.ts');
    writeFileSync(testFile, `${readFileSync(testFile, 'utf8')}\n${test}`);
    linkWorkspaceDeps(dir);

    await run(bin('tsc'), ['-b', dir]);
    const result = await run(bin('vitest'), ['run', '--root', dir, '--reporter=verbose']);
    expect(result.stdout).toMatch(/2 passed/);
    expect(result.stdout).toMatch(/adds a reading the palette asks for/);
  }, 180_000);

  it('scaffolds a sandboxed dashboard view (--template view) whose test passes', async () => {
    const { stdout, dir } = await scaffoldDashboard(root.path);
    expect(stdout).toMatch(/Created plugin acme\.community-dashboard/);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).repertoire;
    expect(manifest).toMatchObject({
      id: 'acme.community-dashboard',
      activationEvents: ['onView:community-dashboard.dashboard'],
      permissions: ['graph.read'],
      contributes: { views: [{ id: 'community-dashboard.dashboard', location: 'editor' }] },
    });

    await run(bin('tsc'), ['-b', dir]);
    const test = await run(bin('vitest'), ['run', '--root', dir, '--reporter=verbose']);
    expect(test.stdout).toMatch(/1 passed/);
    expect(test.stdout).toMatch(/follows the graph, running in the Worker sandbox/);

    await run(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: dir });
    const shipped = JSON.parse(readFileSync(join(dir, 'dist', 'package.json'), 'utf8'));
    expect(shipped.repertoire).toMatchObject({
      id: 'acme.community-dashboard',
      main: './index.js',
    });
    // The view's markup and script travel inside the one module the server ships.
    expect(readFileSync(join(dir, 'dist', 'index.js'), 'utf8')).toMatch(/Entities by kind/);

    // The test can fail: a dashboard that stops following the graph is caught.
    const index = join(dir, 'src', 'index.ts');
    writeFileSync(
      index,
      readFileSync(index, 'utf8').replace(
        'context.graph.onDidChange(() => void post())',
        '{ dispose() {} }',
      ),
    );
    await expect(run(bin('vitest'), ['run', '--root', dir])).rejects.toMatchObject({
      stdout: expect.stringMatching(/1 failed/),
    });
  }, 180_000);

  it('the author guide’s dashboard works as written (docs/plugins.md)', async () => {
    // The section's code blocks, in order: the commands, the new lines of countByKind and of the
    // view's script, the test.
    const guide = readFileSync(join(repoRoot, 'docs', 'plugins.md'), 'utf8');
    const section = /## A sandboxed dashboard, end to end\n([\s\S]*?)\n## /.exec(guide)?.[1] ?? '';
    const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({
      lang,
      code: code ?? '',
    }));
    const [commands, counting, showing, test] = blocks.map((b) => b.code);
    expect(commands).toMatch(
      /^pnpm create-plugin community-dashboard --template view --publisher acme$/m,
    );
    expect(counting).toMatch(/graph\.relations\(\)/);
    expect(showing).toMatch(/message\.relations/);
    expect(test).toMatch(/^it\('counts the relations between them too'/);

    const { dir } = await scaffoldDashboard(root.path);
    const edit = (file: string, line: string, replacement: string) => {
      const path = join(dir, 'src', file);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(line);
      writeFileSync(path, text.replace(line, replacement));
    };
    edit(
      'index.ts',
      "  return { type: 'counts', total: entities.length, kinds: rows } satisfies JsonObject;\n",
      counting ?? '',
    );
    edit(
      'view.ts',
      "    : message.total + (message.total === 1 ? ' entity' : ' entities');\n",
      showing ?? '',
    );
    const testFile = join(dir, 'src', 'community-dashboard.test.ts');
    writeFileSync(testFile, `${readFileSync(testFile, 'utf8')}\n${test}`);

    await run(bin('tsc'), ['-b', dir]);
    const result = await run(bin('vitest'), ['run', '--root', dir, '--reporter=verbose']);
    expect(result.stdout).toMatch(/2 passed/);
    expect(result.stdout).toMatch(/counts the relations between them too/);
    await run(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: dir });
    expect(readFileSync(join(dir, 'dist', 'index.js'), 'utf8')).toMatch(/ relations/);
  }, 180_000);
});
