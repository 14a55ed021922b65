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

  /** Adds a plugin's contributions (replacing earlier ones from the same plugin). */
  add(manifest: PluginManifest): void {
    this.#byPlugin.set(manifest.id, manifest);
    this.#onDidChange.fire();
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
