// The layer rule from ARCHITECTURE.md, enforced instead of remembered: a package may import only
// from packages at its own level or below, and the environment-free packages may not reach Node.
/** Bottom to top; packages on one line share a level and may not import each other. */
const LAYERS = [
  ['packages/schema'],
  ['packages/core'],
  ['packages/server'],
  ['packages/sync'],
  ['packages/plugin-api'],
  ['packages/plugin-host'],
  ['packages/editor', 'packages/graph-view', 'packages/insight'],
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

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'common-no-node',
      comment: 'schema and core run in browsers, Node and Workers: no Node built-ins.',
      severity: 'error',
      from: { path: '^packages/(schema|core)/' },
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
