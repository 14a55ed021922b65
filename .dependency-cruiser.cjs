// The layer rule from ARCHITECTURE.md, enforced instead of remembered: a package may import only
// from packages at its own level or below, and the environment-free packages may not reach Node.
/** Bottom to top; packages on one line share a level and may not import each other. */
const LAYERS = [
  ['packages/base'],
  ['packages/schema'],
  ['packages/core'],
  ['packages/server'],
  ['packages/sync'],
  ['packages/plugin-api'],
  ['packages/plugin-host'],
  [
    'packages/editor',
    'packages/graph-view',
    'packages/interop',
    'packages/insight',
    'packages/icons',
  ],
  ['packages/workbench'],
  ['plugins/[^/]+'],
  ['apps/[^/]+'],
];

const esc = (p) => `^${p}/`;
const layerRules = LAYERS.flatMap((level, i) => {
  const above = LAYERS.slice(i + 1).flat();
  const beside = level.length > 1 ? level : [];
  return level.map((pkg) => ({
    name: `layer:${pkg.replace('[^/]+', '*')}`,
    comment: `Bad layering: ${pkg} may only import from packages below it (ARCHITECTURE.md, "Layers").`,
    severity: 'error',
    from: { path: esc(pkg) },
    to: {
      path: [...above, ...beside.filter((p) => p !== pkg)].map(esc).join('|') || '^$',
      pathNot: esc(pkg),
    },
  }));
});

// The plugin rule (ARCHITECTURE.md, "Built-in features are plugins"): what a built-in plugin uses
// proves what a third party could build, so a plugin's source sees only the public API and
// libraries. A library is third-party, or one of our component libraries below, which take
// everything through their own interfaces.
const COMPONENT_LIBRARIES = [
  'packages/editor',
  'packages/graph-view',
  'packages/interop',
  'packages/insight',
  'packages/icons',
];
const PLUGIN_ALLOWED_PACKAGES = ['packages/plugin-api', ...COMPONENT_LIBRARIES];
const TEST_FILE = '\\.test\\.tsx?$';
/**
 * Not plugins, though they live in plugins/: `sample-community` has no manifest; it is the sample
 * data set the server seeds a first workspace with (it writes through the core and reads the
 * built-in plugins' manifests for their kinds). It belongs beside the apps (see docs/plugins.md,
 * "Layer rule"); until it moves, the plugin rules do not apply to it, the layer rule still does.
 */
const NOT_PLUGINS = ['plugins/sample-community'];
/**
 * Component-library modules that still import the core: adapters over its writable `Workspace` that
 * the web app composes, and one pure decoder. Every other library module is forbidden the core, so
 * the list can only shrink: each adapter should move to the app that composes it.
 */
const LIBRARY_CORE_EXCEPTIONS = [
  'packages/editor/src/workspaceDirectory.ts',
  'packages/editor/src/collab/httpDocumentVersions.ts',
  'packages/graph-view/src/workspaceSource.ts',
  'packages/graph-view/src/historySource.ts',
];
const any = (paths) => paths.map(esc).join('|');
const pluginSource = `^plugins/(?!(?:${NOT_PLUGINS.map((p) => p.slice('plugins/'.length)).join('|')})/)([^/]+)/`;

const pluginRules = [
  {
    name: 'plugin-only-api',
    comment:
      "A plugin's source may import only @repertoire/plugin-api and libraries (third-party packages, @repertoire/editor, @repertoire/graph-view, @repertoire/interop, @repertoire/insight, @repertoire/icons). If the API lacks something, grow the API.",
    severity: 'error',
    from: { path: pluginSource, pathNot: TEST_FILE },
    to: { path: '^(packages|apps)/', pathNot: any(PLUGIN_ALLOWED_PACKAGES) },
  },
  {
    name: 'plugin-not-to-plugin',
    comment:
      'Plugins may not import each other: share through the API (commands, the graph, settings).',
    severity: 'error',
    from: { path: pluginSource, pathNot: TEST_FILE },
    to: { path: '^plugins/', pathNot: '^plugins/$1/' },
  },
  {
    name: 'plugin-test-helpers-only',
    comment:
      "A plugin's tests may use the headless host (plugin-host), the core and other plugins as fixtures, never the workbench, the server, the sync client or an app.",
    severity: 'error',
    from: { path: `${pluginSource}.*${TEST_FILE}` },
    to: { path: '^(packages/(workbench|server|sync)|apps)/' },
  },
  {
    name: 'library-not-to-host',
    comment:
      'Component libraries (@repertoire/editor, @repertoire/graph-view, @repertoire/interop, @repertoire/insight, @repertoire/icons) take everything through interfaces: never the plugin host, the workbench, the server or the sync client.',
    severity: 'error',
    from: { path: any(COMPONENT_LIBRARIES), pathNot: TEST_FILE },
    to: { path: '^packages/(plugin-host|workbench|server|sync)/' },
  },
  {
    name: 'library-not-to-core',
    comment:
      "Component libraries never reach the core's writable objects: only the listed adapters (LIBRARY_CORE_EXCEPTIONS in .dependency-cruiser.cjs) may import the core.",
    severity: 'error',
    from: {
      path: any(COMPONENT_LIBRARIES),
      pathNot: [
        TEST_FILE,
        ...LIBRARY_CORE_EXCEPTIONS.map((p) => `^${p.replaceAll('.', '\\.')}$`),
      ].join('|'),
    },
    to: { path: '^packages/core/' },
  },
];

module.exports = {
  forbidden: [
    ...layerRules,
    ...pluginRules,
    {
      name: 'common-no-node',
      comment: 'base, schema and core run in browsers, Node and Workers: no Node built-ins.',
      severity: 'error',
      from: { path: '^packages/(base|schema|core)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-only-in-server-app',
      comment: 'The server package is Node-only: only apps/server and tests may import it.',
      severity: 'error',
      from: { path: '^(packages|plugins|apps)/', pathNot: '^(packages/server|apps/server)/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.tsbuild)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
    preserveSymlinks: false,
  },
};
