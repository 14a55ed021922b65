import type { GraphStyle } from './graphStyles.ts';

/** The part of a plugin manifest the graph reads (structurally the schema's `PluginManifest`). */
export interface GraphStyleContributor {
  readonly contributes?: {
    readonly graphStyles?: readonly GraphStyle[];
    readonly entityKinds?: readonly { readonly kind: string; readonly pluralLabel?: string }[];
    readonly relationKinds?: readonly { readonly type: string; readonly label?: string }[];
  };
}

/**
 * The graph styles and filter labels the enabled plugins contribute, in plugin order (a later
 * plugin's style for the same kind wins), ready for `GraphExplorer`'s `styles` and `labels`.
 */
export function stylesFromManifests(manifests: readonly GraphStyleContributor[]): {
  styles: GraphStyle[];
  labels: Record<string, string>;
} {
  const styles: GraphStyle[] = [];
  const labels: Record<string, string> = {};
  for (const m of manifests) {
    for (const s of m.contributes?.graphStyles ?? []) styles.push(s);
    for (const k of m.contributes?.entityKinds ?? [])
      if (k.pluralLabel) labels[k.kind] = k.pluralLabel;
    for (const r of m.contributes?.relationKinds ?? []) if (r.label) labels[r.type] = r.label;
  }
  return { styles, labels };
}
