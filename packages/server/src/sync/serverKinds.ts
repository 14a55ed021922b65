import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KindRegistry, MENTIONS } from '@repertoire/core';
import { parsePluginPackage } from '@repertoire/schema';
import type { Logger } from 'pino';

/**
 * The entity and relation kinds the server validates graph updates against: those the plugins'
 * manifests contribute (`repertoire.contributes.entityKinds/relationKinds` of every
 * `<dir>/<plugin>/package.json`, read without running plugin code), plus the core's `mentions`.
 * A kind contributed twice keeps its first definition; a broken manifest is skipped and logged.
 */
export function readServerKinds(
  dirs: readonly (string | undefined)[],
  logger?: Logger,
): KindRegistry {
  const kinds = new KindRegistry();
  kinds.registerRelationKind({ type: MENTIONS, label: 'mentions', from: ['*'], to: ['*'] });
  const seen = new Set<string>();
  for (const dir of dirs) {
    if (!dir || !existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(file)) continue;
      let pkg: unknown;
      try {
        pkg = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        logger?.warn({ file }, 'plugin manifest is not JSON; its kinds are unknown to the server');
        continue;
      }
      if (typeof pkg !== 'object' || pkg === null || !('repertoire' in pkg)) continue;
      const parsed = parsePluginPackage(pkg);
      if (!parsed.ok) {
        logger?.warn({ file, errors: parsed.errors }, 'plugin manifest is invalid; kinds skipped');
        continue;
      }
      if (seen.has(parsed.manifest.id)) continue;
      seen.add(parsed.manifest.id);
      const { entityKinds = [], relationKinds = [] } = parsed.manifest.contributes;
      for (const kind of entityKinds)
        register(() => kinds.registerEntityKind(kind, parsed.manifest.id), logger, file);
      for (const kind of relationKinds)
        register(() => kinds.registerRelationKind(kind, parsed.manifest.id), logger, file);
    }
  }
  return kinds;
}

function register(fn: () => unknown, logger: Logger | undefined, file: string): void {
  try {
    fn();
  } catch (error) {
    logger?.warn({ file, reason: (error as Error).message }, 'plugin kind skipped');
  }
}
