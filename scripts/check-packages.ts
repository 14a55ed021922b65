// Repo invariants as code: every workspace package looks alike, so tools and people can rely on it.
// Run by `pnpm check` and CI. Pass `--fix` to rewrite the root tsconfig's references.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const problems: string[] = [];
const fix = process.argv.includes('--fix');

interface PackageJson {
  name?: string;
  type?: string;
  private?: boolean;
  exports?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
interface TsConfig {
  references?: { path: string }[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

const dirs = ['packages', 'apps', 'plugins']
  .flatMap((group) =>
    existsSync(join(root, group)) ? readdirSync(join(root, group)).map((d) => join(group, d)) : [],
  )
  .filter((dir) => existsSync(join(root, dir, 'package.json')));
const byName = new Map<string, string>();
for (const dir of dirs) {
  const name = readJson<PackageJson>(join(root, dir, 'package.json')).name;
  if (name) byName.set(name, dir);
}
byName.set('@repertoire/testing', 'test');

for (const dir of dirs) {
  const at = (file: string) => join(root, dir, file);
  const pkg = readJson<PackageJson>(at('package.json'));
  const say = (msg: string) => problems.push(`${dir}: ${msg}`);
  if (!pkg.name?.startsWith('@repertoire/')) say('name must be in the @repertoire/ scope');
  if (pkg.type !== 'module') say('"type" must be "module"');
  if (pkg.private !== true) say('must be "private": true until we publish');
  if (!dir.startsWith('apps/') && pkg.exports?.['.'] !== './src/index.ts')
    say('exports["."] must be ./src/index.ts (the public API)');
  if (!dir.startsWith('apps/') && !existsSync(at('src/index.ts'))) say('has no src/index.ts');
  if (!existsSync(at('README.md')))
    say('has no README.md saying what it is for and what it may import');
  if (!existsSync(at('tsconfig.json'))) {
    say('has no tsconfig.json');
    continue;
  }
  const tsconfig = readJson<TsConfig>(at('tsconfig.json'));
  const refs = new Set(
    (tsconfig.references ?? []).map((r) => relative(root, join(root, dir, r.path))),
  );
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  for (const dep of Object.keys(deps)) {
    const target = byName.get(dep);
    if (!target || target === 'test') continue;
    if (deps[dep] !== 'workspace:*') say(`${dep} must be "workspace:*"`);
    if (!refs.has(target)) say(`tsconfig.json must reference ${target} (it depends on ${dep})`);
  }
}

const rootTsconfigPath = join(root, 'tsconfig.json');
const rootRefs = readJson<TsConfig>(rootTsconfigPath).references?.map((r) => r.path) ?? [];
const wanted = [
  ...dirs.filter((d) => existsSync(join(root, d, 'tsconfig.json'))),
  'test',
  'scripts',
];
const missing = wanted.filter((d) => !rootRefs.includes(d));
if (missing.length > 0) {
  if (fix) {
    writeFileSync(
      rootTsconfigPath,
      `${JSON.stringify({ files: [], references: wanted.map((path) => ({ path })) }, null, 2)}\n`,
    );
  } else problems.push(`tsconfig.json must reference ${missing.join(', ')} (run with --fix)`);
}

if (problems.length > 0) {
  console.error(`Package checks failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Package checks passed for ${dirs.length} packages.`);
