import type { Disposable, Workspace } from '@repertoire/core';
import { packageJson as artifacts } from '@repertoire/plugin-artifacts';
import { packageJson as community } from '@repertoire/plugin-community';
import { packageJson as growth } from '@repertoire/plugin-growth';
import { packageJson as knowledge } from '@repertoire/plugin-knowledge';
import { packageJson as meetings } from '@repertoire/plugin-meetings';
import { packageJson as planning } from '@repertoire/plugin-planning';
import { type PluginManifest, parsePluginPackage } from '@repertoire/schema';

/** The manifests of the built-in community-of-practice plugins, validated. */
export function builtinManifests(): PluginManifest[] {
  return [community, knowledge, artifacts, meetings, growth, planning].map((pkg) => {
    const result = parsePluginPackage(pkg);
    if (!result.ok) throw new Error(`built-in manifest ${pkg.name} is invalid`);
    return result.manifest;
  });
}

/**
 * Registers the entity and relation kinds the built-in plugins contribute, where a workspace has no
 * plugin host (the server, scripts). Kinds already registered are left alone. Dispose to remove
 * what this call registered.
 */
export function registerBuiltinKinds(workspace: Workspace): Disposable {
  const registered: Disposable[] = [];
  for (const manifest of builtinManifests()) {
    for (const kind of manifest.contributes.entityKinds ?? [])
      if (!workspace.kinds.entityKind(kind.kind))
        registered.push(workspace.registerEntityKind(kind));
    for (const kind of manifest.contributes.relationKinds ?? [])
      if (!workspace.kinds.relationKind(kind.type))
        registered.push(workspace.registerRelationKind(kind));
  }
  return {
    dispose: () => {
      for (const d of registered.splice(0).reverse()) d.dispose();
    },
  };
}
