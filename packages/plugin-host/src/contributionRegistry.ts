import { Emitter } from '@repertoire/plugin-api';
import type {
  ManifestAnalysis,
  ManifestCommand,
  ManifestEntityKind,
  ManifestExporter,
  ManifestGraphStyle,
  ManifestImporter,
  ManifestKeybinding,
  ManifestMenuItem,
  ManifestRelationKind,
  ManifestSetting,
  ManifestView,
  PluginManifest,
} from '@repertoire/schema';
import { DuplicateContributionError, pluginContributor } from './duplicates.ts';

/** A contribution tagged with the plugin that made it. */
export type Contributed<T> = T & { readonly pluginId: string };

/**
 * What enabled plugins contribute, read from their manifests without running their code, so the
 * palette, menus, views, settings and graph styles are complete before any plugin activates. The
 * workbench reads it and re-reads on `onDidChange`.
 */
export class ContributionRegistry {
  readonly #byPlugin = new Map<string, PluginManifest>();
  readonly #onDidChange = new Emitter<void>();
  /** Fires when a plugin's contributions are added or removed. */
  readonly onDidChange = this.#onDidChange.event;

  /**
   * Adds a plugin's contributions (replacing earlier ones from the same plugin). Throws a
   * {@link DuplicateContributionError} naming both plugins, adding nothing, when another plugin
   * already contributes one of its ids: a command, view, entity or relation kind, setting,
   * importer, exporter or analysis.
   */
  add(manifest: PluginManifest): void {
    const conflict = this.conflict(manifest);
    if (conflict) throw conflict;
    this.#byPlugin.set(manifest.id, manifest);
    this.#onDidChange.fire();
  }

  /** The first id of `manifest` that another plugin already contributes, as an error. */
  conflict(manifest: PluginManifest): DuplicateContributionError | undefined {
    const c = manifest.contributes;
    const checks: [string, readonly string[], (m: PluginManifest) => readonly string[]][] = [
      [
        'command',
        (c.commands ?? []).map((x) => x.id),
        (m) => (m.contributes.commands ?? []).map((x) => x.id),
      ],
      [
        'view',
        (c.views ?? []).map((x) => x.id),
        (m) => (m.contributes.views ?? []).map((x) => x.id),
      ],
      [
        'entity kind',
        (c.entityKinds ?? []).map((x) => x.kind),
        (m) => (m.contributes.entityKinds ?? []).map((x) => x.kind),
      ],
      [
        'relation kind',
        (c.relationKinds ?? []).map((x) => x.type),
        (m) => (m.contributes.relationKinds ?? []).map((x) => x.type),
      ],
      [
        'setting',
        (c.settings ?? []).map((x) => x.key),
        (m) => (m.contributes.settings ?? []).map((x) => x.key),
      ],
      [
        'importer',
        (c.importers ?? []).map((x) => x.id),
        (m) => (m.contributes.importers ?? []).map((x) => x.id),
      ],
      [
        'exporter',
        (c.exporters ?? []).map((x) => x.id),
        (m) => (m.contributes.exporters ?? []).map((x) => x.id),
      ],
      [
        'analysis',
        (c.analyses ?? []).map((x) => x.id),
        (m) => (m.contributes.analyses ?? []).map((x) => x.id),
      ],
    ];
    for (const other of this.#byPlugin.values()) {
      if (other.id === manifest.id) continue;
      for (const [what, mine, theirs] of checks) {
        const taken = new Set(theirs(other));
        const id = mine.find((x) => taken.has(x));
        if (id !== undefined)
          return new DuplicateContributionError(
            what,
            id,
            pluginContributor(other.id),
            pluginContributor(manifest.id),
          );
      }
    }
    return undefined;
  }

  /** Removes a plugin's contributions. */
  remove(pluginId: string): void {
    if (this.#byPlugin.delete(pluginId)) this.#onDidChange.fire();
  }

  /** Whether a plugin's contributions are present. */
  has(pluginId: string): boolean {
    return this.#byPlugin.has(pluginId);
  }

  #collect<T>(pick: (m: PluginManifest) => readonly T[] | undefined): Contributed<T>[] {
    return [...this.#byPlugin.values()].flatMap((m) =>
      (pick(m) ?? []).map((item) => ({ ...item, pluginId: m.id })),
    );
  }

  /** Commands for the palette. */
  commands(): Contributed<ManifestCommand>[] {
    return this.#collect((m) => m.contributes.commands);
  }

  /** The plugin that declares a command, if any. */
  commandOwner(commandId: string): string | undefined {
    return this.commands().find((c) => c.id === commandId)?.pluginId;
  }

  /** Views, optionally only those of one location. */
  views(location?: ManifestView['location']): Contributed<ManifestView>[] {
    return this.#collect((m) => m.contributes.views).filter(
      (v) => location === undefined || v.location === location,
    );
  }

  /** The plugin that declares a view, if any. */
  viewOwner(viewId: string): string | undefined {
    return this.views().find((v) => v.id === viewId)?.pluginId;
  }

  /** Items of a menu, e.g. `commandPalette`, `entity/context`, `view/title`. */
  menu(menuId: string): Contributed<ManifestMenuItem>[] {
    return this.#collect((m) => m.contributes.menus?.[menuId]);
  }

  /** Every keybinding. */
  keybindings(): Contributed<ManifestKeybinding>[] {
    return this.#collect((m) => m.contributes.keybindings);
  }

  /** Every setting with its default. */
  settings(): Contributed<ManifestSetting>[] {
    return this.#collect((m) => m.contributes.settings);
  }

  /** Graph styles for entity kinds and relation types. */
  graphStyles(): Contributed<ManifestGraphStyle>[] {
    return this.#collect((m) => m.contributes.graphStyles);
  }

  /** Entity kinds declared. */
  entityKinds(): Contributed<ManifestEntityKind>[] {
    return this.#collect((m) => m.contributes.entityKinds);
  }

  /** Relation kinds declared. */
  relationKinds(): Contributed<ManifestRelationKind>[] {
    return this.#collect((m) => m.contributes.relationKinds);
  }

  /** Importers. */
  importers(): Contributed<ManifestImporter>[] {
    return this.#collect((m) => m.contributes.importers);
  }

  /** Exporters. */
  exporters(): Contributed<ManifestExporter>[] {
    return this.#collect((m) => m.contributes.exporters);
  }

  /** Analyses for the panel. */
  analyses(): Contributed<ManifestAnalysis>[] {
    return this.#collect((m) => m.contributes.analyses);
  }
}
