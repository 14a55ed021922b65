import { API_VERSION } from '@repertoire/plugin-api';
import {
  BUILT_IN_PUBLISHER,
  formatManifestErrors,
  isBuiltInPluginId,
  type ManifestError,
  type PluginManifest,
  parsePluginPackage,
} from '@repertoire/schema';
import semver from 'semver';

/** A plugin package as found: its package.json and where its files are. */
export interface PluginPackage {
  /** The parsed package.json (with its `repertoire` manifest). */
  readonly packageJson: unknown;
  /**
   * Base URL (browser) or file URL (Node) of the package directory, used to resolve `main` for
   * sandboxed plugins. Must end with `/`.
   */
  readonly baseUrl?: string;
  /** Trusted plugins shipped with Repertoire run in the page; others run in the Worker sandbox. */
  readonly builtin?: boolean;
}

/** A plugin the host knows about: a valid, compatible manifest. */
export interface PluginDescription {
  /** The validated manifest. */
  readonly manifest: PluginManifest;
  /** The npm package name. */
  readonly packageName: string;
  /** Base URL of the package directory, if known. */
  readonly baseUrl: string | undefined;
  /** Whether it is a trusted built-in. */
  readonly builtin: boolean;
}

/** A package that was not accepted, and why. */
export interface RefusedPlugin {
  /** Package name or plugin id, whichever is known. */
  readonly name: string;
  /** A message a person can act on. */
  readonly reason: string;
  /** Field errors, when the manifest was invalid. */
  readonly errors: readonly ManifestError[];
}

/**
 * Reads plugin packages without running any of their code: validates each manifest and refuses
 * plugins built for another API version (their `engines.repertoire` range must include
 * `apiVersion`), duplicates, and a third-party plugin claiming the built-ins' `repertoire.*` ids,
 * whose kinds own the short names.
 */
export function discoverPlugins(
  packages: readonly PluginPackage[],
  apiVersion: string = API_VERSION,
): { plugins: PluginDescription[]; refused: RefusedPlugin[] } {
  const plugins: PluginDescription[] = [];
  const refused: RefusedPlugin[] = [];
  const seen = new Set<string>();
  for (const pkg of packages) {
    const json = pkg.packageJson as { name?: unknown };
    const packageName = typeof json?.name === 'string' ? json.name : '(unnamed package)';
    const result = parsePluginPackage(pkg.packageJson);
    if (!result.ok) {
      refused.push({
        name: packageName,
        reason: formatManifestErrors(packageName, result.errors),
        errors: result.errors,
      });
      continue;
    }
    const { manifest } = result;
    const compatibility = checkCompatibility(manifest, apiVersion);
    if (compatibility) {
      refused.push({ name: manifest.id, reason: compatibility, errors: [] });
      continue;
    }
    if (isBuiltInPluginId(manifest.id) && !pkg.builtin) {
      refused.push({
        name: manifest.id,
        reason: `Plugin ${manifest.id} (${packageName}) is not built in, but its id is in the "${BUILT_IN_PUBLISHER}." namespace, which is reserved for the plugins shipped with Repertoire (their kinds keep short names); it was not loaded. Publish it under your own id, e.g. acme.${manifest.id.slice(BUILT_IN_PUBLISHER.length + 1)}.`,
        errors: [
          {
            field: 'repertoire.id',
            message: `the "${BUILT_IN_PUBLISHER}." namespace is reserved for built-ins`,
          },
        ],
      });
      continue;
    }
    if (seen.has(manifest.id)) {
      refused.push({
        name: manifest.id,
        reason: `Plugin ${manifest.id} is provided twice (${packageName}); the first one is used.`,
        errors: [],
      });
      continue;
    }
    seen.add(manifest.id);
    plugins.push({
      manifest,
      packageName,
      baseUrl: pkg.baseUrl,
      builtin: pkg.builtin ?? false,
    });
  }
  return { plugins, refused };
}

/**
 * Returns why a plugin cannot run against `apiVersion`, or undefined when it can.
 */
export function checkCompatibility(
  manifest: PluginManifest,
  apiVersion: string = API_VERSION,
): string | undefined {
  const range = semver.validRange(manifest.engines.repertoire);
  if (!range)
    return `Plugin ${manifest.id} declares engines.repertoire "${manifest.engines.repertoire}", which is not a semver range.`;
  if (!semver.satisfies(apiVersion, range, { includePrerelease: true }))
    return `Plugin ${manifest.id} ${manifest.version} was built for Repertoire API ${manifest.engines.repertoire}, but this is API ${apiVersion}; it was not loaded. Update the plugin (or Repertoire).`;
  return undefined;
}
