import { DEFAULT_GRAPH_STYLES, type GraphStyle } from '../graphStyles.ts';

/** How the explorer names and colours kinds and relation types outside the canvas. */
export interface KindLooks {
  /** Dot colour by entity kind. */
  readonly colours: ReadonlyMap<string, string>;
  /** Plural label by kind (`Members`) and label by relation type, for the filters. */
  readonly labels: Readonly<Record<string, string>>;
  /** Singular label by kind (`Member`), for one entity. */
  readonly singular: Readonly<Record<string, string>>;
}

/** The looks from the built-in styles, then the contributed ones, then explicit labels. */
export function kindLooks(
  styles: readonly GraphStyle[] = [],
  labels: Record<string, string> = {},
): KindLooks {
  const colours = new Map<string, string>();
  const plural: Record<string, string> = {};
  const singular: Record<string, string> = {};
  for (const s of [...DEFAULT_GRAPH_STYLES, ...styles]) {
    if (s.kind && s.colour) colours.set(s.kind, s.colour);
    const key = s.kind ?? s.relation;
    if (key && s.label) plural[key] = s.label;
    if (s.kind && s.singularLabel) singular[s.kind] = s.singularLabel;
  }
  return { colours, labels: { ...plural, ...labels }, singular };
}

/** A kind's singular label, or the kind itself with a capital when nobody named it. */
export function singularOf(looks: KindLooks, kind: string): string {
  return looks.singular[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}
