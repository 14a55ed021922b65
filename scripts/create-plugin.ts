// `pnpm create-plugin <name>`: scaffolds a working third-party plugin under plugins/<name> — a
// manifest, one command built on the public API, and a test that runs it in the Worker sandbox —
// so every plugin starts alike (JupyterLab's create-package habit).
//
// Usage: node scripts/create-plugin.ts <name> [--publisher <publisher>] [--template command|view]
//        [--root <repo root>]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { viewTemplateFiles } from './pluginViewTemplate.ts';

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Kept in step with `BUILT_IN_PUBLISHER` in packages/schema/src/kindName.ts. */
const BUILT_IN_PUBLISHER = 'repertoire';

/** The templates: a palette command (the default) or a sandboxed dashboard view. */
export const TEMPLATES = ['command', 'view'] as const;
export type Template = (typeof TEMPLATES)[number];

/** What to scaffold. */
export interface ScaffoldOptions {
  /** The plugin's name: lower-case words joined by hyphens, e.g. `reading-circle`. */
  name: string;
  /** The publisher part of the plugin id (`publisher.name`). */
  publisher: string;
  /** The repository root: the plugin goes to `<root>/plugins/<name>`. */
  root: string;
  /** What the plugin starts as; `command` by default. */
  template?: Template;
}

const words = (name: string) => name.split('-');
const title = (name: string) =>
  words(name)
    .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`)
    .join(' ');

/** Where the plugin's tsconfig finds the repository's base config and packages. */
interface RepoPaths {
  /** The base tsconfig, relative to the plugin directory. */
  baseConfig: string;
  /** The `packages/` directory, relative to the plugin directory. */
  packages: string;
}

/** The files of a new plugin, by path relative to its directory. */
export function pluginFiles(
  { name, publisher, template = 'command' }: Omit<ScaffoldOptions, 'root'>,
  paths: RepoPaths = { baseConfig: '../../tsconfig.base.json', packages: '../../packages' },
): Record<string, string> {
  const id = `${publisher}.${name}`;
  const command = `${name}.countRepertoire`;
  const packageJson = {
    name: `@repertoire/plugin-${name}`,
    version: '0.1.0',
    private: true,
    description: `${title(name)}: a Repertoire plugin`,
    type: 'module',
    exports: { '.': './src/index.ts' },
    scripts: { build: 'vite build', dev: 'vite build --watch', test: 'vitest run' },
    dependencies: { '@repertoire/plugin-api': 'workspace:*' },
    devDependencies: {
      '@repertoire/core': 'workspace:*',
      '@repertoire/plugin-host': 'workspace:*',
      vite: '8.3.8',
    },
    repertoire: {
      id,
      displayName: title(name),
      description: `${title(name)}: a Repertoire plugin`,
      version: '0.1.0',
      engines: { repertoire: '^1.0.0' },
      main: './src/index.ts',
      activationEvents: [`onCommand:${command}`],
      permissions: ['graph.read'],
      contributes: {
        commands: [{ id: command, title: 'Count the repertoire', category: title(name) }],
      },
    },
  };
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'tsconfig.json': `{
  "extends": "${paths.baseConfig}",
  "compilerOptions": { "outDir": ".tsbuild", "rootDir": ".", "types": ["node"] },
  "include": ["src", "package.json"],
  "references": [
    { "path": "${paths.packages}/plugin-api" },
    { "path": "${paths.packages}/core" },
    { "path": "${paths.packages}/plugin-host" }
  ]
}
`,
    'vitest.config.ts': `import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-${name}', include: ['src/**/*.test.ts'] },
});
`,
    'vite.config.ts': `// \`pnpm build\` packs this plugin the way a server ships a third-party plugin: \`dist/\` holds one
// self-contained ES module (the public API's small runtime included) and a package.json whose
// manifest points at it. Copy \`dist/\` into the server's plugins directory as \`${name}/\`.
// With REPERTOIRE_PLUGINS_DIR set (\`pnpm dev\`), it builds into <that dir>/${name}
// instead, where a server started with \`--dev --plugins <that dir>\` sees each rebuild and
// reloads the plugin into open workbenches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** Writes the distributed package.json: the manifest, with \`main\` pointing at the bundle. */
function distributedManifest(): Plugin {
  return {
    name: 'repertoire-plugin-manifest',
    generateBundle() {
      const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));
      const { name, version, description, type, repertoire } = pkg;
      this.emitFile({
        type: 'asset',
        fileName: 'package.json',
        source: \`\${JSON.stringify(
          { name, version, description, type, repertoire: { ...repertoire, main: './index.js' } },
          null,
          2,
        )}\\n\`,
      });
    },
  };
}

export default defineConfig({
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
    outDir: process.env.REPERTOIRE_PLUGINS_DIR
      ? join(process.env.REPERTOIRE_PLUGINS_DIR, '${name}')
      : 'dist',
    emptyOutDir: true,
    target: 'es2023',
    minify: false,
  },
  plugins: [distributedManifest()],
});
`,
    'README.md': `# @repertoire/plugin-${name}

${title(name)}: a Repertoire plugin (id \`${id}\`). It contributes the command _Count the
repertoire_ (\`${command}\`), which tells how many items the community's graph holds.

The entity kinds and relation types it contributes are named \`${id}/<name>\` (e.g.
\`${id}/note\`): short names belong to the built-in plugins, and the host refuses a manifest
without the prefix. See "Kind names" in docs/plugins.md.

Test it with \`pnpm test\` in this directory; \`pnpm build\` packs it into \`dist/\` as a server ships
it. See docs/plugins.md for the whole API.

May import: \`@repertoire/plugin-api\` only (tests also use the core and the plugin host).
`,
    'src/index.ts': `import type { PluginContext } from '@repertoire/plugin-api';

/** This plugin's package.json, whose \`repertoire\` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };

/** Activates the plugin: registers the commands its manifest declares. */
export function activate(context: PluginContext): void {
  context.subscriptions.push(
    context.commands.registerCommand('${command}', async () => {
      const count = (await context.graph.entities()).length;
      await context.window.showNotification(
        \`The community's repertoire holds \${count} \${count === 1 ? 'item' : 'items'}.\`,
      );
      return count;
    }),
  );
}
`,
    [`src/${name}.test.ts`]: `import { createGraphDoc, Workspace } from '@repertoire/core';
import { createHeadlessHost } from '@repertoire/plugin-host';
import { createNodeSandbox } from '@repertoire/plugin-host/node';
import { expect, it } from 'vitest';
import { packageJson } from './index.ts';

it('counts the repertoire from the palette, running in the Worker sandbox', async () => {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  workspace.registerEntityKind({
    kind: 'practice',
    label: 'Practice',
    pluralLabel: 'Practices',
    icon: 'lightbulb',
    colour: '#6a4c93',
    fields: [],
  });
  workspace.createEntity({ kind: 'practice', title: 'Think-pair-share', fields: {} });

  // A third-party plugin runs in a Worker and imports its main module from its package directory.
  const { host, ui } = createHeadlessHost(workspace, { createSandbox: createNodeSandbox });
  await host.add([{ packageJson, baseUrl: new URL('../', import.meta.url).href }]);
  await host.setEnabled('${id}', true); // third-party plugins start disabled
  await host.start();
  try {
    expect(host.state('${id}')).toBe('inactive'); // lazy: nothing ran yet
    expect(await host.executeCommand('${command}')).toBe(1);
    expect(ui.notifications.at(-1)?.message).toBe("The community's repertoire holds 1 item.");
  } finally {
    await host.shutdown();
  }
});
`,
  };
  if (template === 'command') return files;
  // The view template keeps the build and test setup, and replaces the plugin's own files.
  delete files['src/index.ts'];
  delete files[`src/${name}.test.ts`];
  const { repertoire: _, ...basePackage } = packageJson;
  return { ...files, ...viewTemplateFiles({ name, publisher, title: title(name), basePackage }) };
}

/** Writes a new plugin under `<root>/plugins/<name>` and returns its directory. */
export function scaffoldPlugin(options: ScaffoldOptions): string {
  const { name, publisher, root, template = 'command' } = options;
  if (!(TEMPLATES as readonly string[]).includes(template))
    throw new Error(`"${template}" is not a template: use ${TEMPLATES.join(' or ')}.`);
  if (!NAME.test(name))
    throw new Error(
      `"${name}" is not a plugin name: use lower-case words joined by hyphens, e.g. reading-circle.`,
    );
  if (!NAME.test(publisher))
    throw new Error(`"${publisher}" is not a publisher: use lower-case words, e.g. acme.`);
  // The built-ins' publisher owns the short kind names; the host refuses any other plugin with it.
  if (publisher === BUILT_IN_PUBLISHER)
    throw new Error(
      `"${BUILT_IN_PUBLISHER}" is reserved for the plugins shipped with Repertoire: use your own publisher, e.g. acme.`,
    );
  const dir = join(root, 'plugins', name);
  if (existsSync(dir))
    throw new Error(`${relative(root, dir)} already exists; choose another name.`);
  // Paths to this repository's packages, so a plugin scaffolded elsewhere (tests) still builds.
  const repo = join(import.meta.dirname, '..');
  const paths = {
    baseConfig: relative(dir, join(repo, 'tsconfig.base.json')),
    packages: relative(dir, join(repo, 'packages')),
  };
  for (const [path, text] of Object.entries(pluginFiles({ name, publisher, template }, paths))) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // The root tsconfig lists every package so `tsc -b` checks the new plugin too.
  const rootTsconfig = join(root, 'tsconfig.json');
  if (existsSync(rootTsconfig)) {
    const config = JSON.parse(readFileSync(rootTsconfig, 'utf8')) as {
      references?: { path: string }[];
    };
    const path = `plugins/${name}`;
    if (!config.references?.some((r) => r.path === path)) {
      // After the other plugins, where `check-packages --fix` would put it.
      const refs = config.references ?? [];
      const after = refs.findLastIndex((r) => r.path.startsWith('plugins/'));
      refs.splice(after === -1 ? refs.length : after + 1, 0, { path });
      config.references = refs;
      writeFileSync(rootTsconfig, `${JSON.stringify(config, null, 2)}\n`);
    }
  }
  return dir;
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      publisher: { type: 'string', default: 'local' },
      template: { type: 'string', default: 'command' },
      root: { type: 'string', default: join(import.meta.dirname, '..') },
    },
  });
  const [name] = positionals;
  if (!name) {
    console.error(
      'Usage: pnpm create-plugin <name> [--publisher <publisher>] [--template command|view]',
    );
    process.exit(2);
  }
  try {
    const dir = scaffoldPlugin({
      name,
      publisher: values.publisher,
      root: values.root,
      template: values.template as Template,
    });
    const at = relative(process.cwd(), dir) || '.';
    console.log(`Created plugin ${values.publisher}.${name} in ${at}. Next:
  pnpm install                 # links its workspace dependencies
  cd ${at} && pnpm test        # runs its test in the Worker sandbox
  pnpm build                   # packs it into dist/ as a server ships it
  REPERTOIRE_PLUGINS_DIR=<dir> pnpm dev   # rebuilds into a --dev server's plugins on each save
Then read docs/plugins.md.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
