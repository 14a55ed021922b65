import type { StylesheetJson } from 'cytoscape';
import { LABELLED } from './labelLevelOfDetail.ts';

/**
 * One style a plugin contributes (`contributes.graphStyles`): for an entity kind or a relation
 * type. Plain data, so it is read from the manifest without running the plugin.
 */
export interface GraphStyle {
  /** The entity kind styled, e.g. `practice`. Exactly one of `kind` and `relation`. */
  kind?: string;
  /** The relation type styled, e.g. `documents`. */
  relation?: string;
  /** CSS colour of the node or the line. */
  colour?: string;
  /** Node shape, one of Cytoscape's shape names (ellipse, round-rectangle, diamond…). */
  shape?: string;
  /** Line style of a relation. */
  lineStyle?: 'solid' | 'dashed' | 'dotted';
  /** Line width of a relation, in pixels at zoom 1. */
  width?: number;
  /** Human label for the legend and the filters (plural for a kind: `Members`). */
  label?: string;
  /** A kind's singular label, for one entity (the hover card): `Member`. */
  singularLabel?: string;
}

/** Colour theme of the view; follows the workbench's. */
export type GraphTheme = 'light' | 'dark';

/** The built-in kinds' looks, so the graph is readable before any plugin contributes a style. */
export const DEFAULT_GRAPH_STYLES: readonly GraphStyle[] = [
  {
    kind: 'member',
    colour: '#3b82f6',
    shape: 'ellipse',
    label: 'Members',
    singularLabel: 'Member',
  },
  {
    kind: 'domain',
    colour: '#8b5cf6',
    shape: 'hexagon',
    label: 'Domains',
    singularLabel: 'Domain',
  },
  {
    kind: 'problem',
    colour: '#ef4444',
    shape: 'diamond',
    label: 'Problems of practice',
    singularLabel: 'Problem of practice',
  },
  {
    kind: 'practice',
    colour: '#10b981',
    shape: 'round-rectangle',
    label: 'Practices',
    singularLabel: 'Practice',
  },
  {
    kind: 'artifact',
    colour: '#f59e0b',
    shape: 'round-tag',
    label: 'Artifacts',
    singularLabel: 'Artifact',
  },
  {
    kind: 'meeting',
    colour: '#06b6d4',
    shape: 'round-triangle',
    label: 'Meetings',
    singularLabel: 'Meeting',
  },
  { relation: 'mentions', lineStyle: 'dotted', width: 1, label: 'mentions' },
  { relation: 'mentors', colour: '#3b82f6', width: 2.5, label: 'mentors' },
  { relation: 'met', label: 'met at meetings' },
];

// `/` joins a plugin id and a name in a third-party kind (`acme.reading-circle/reading`).
const VALID_KEY = /^[A-Za-z0-9_.:/-]+$/;

/** Cytoscape selectors embed the kind; refuse anything that could change the selector. */
function checkKey(field: string, value: string): string {
  if (!VALID_KEY.test(value))
    throw new Error(`graphStyles: ${field} "${value}" must be letters, digits, _ . : / or -`);
  return value;
}

/**
 * The stylesheet for a theme and the contributed styles (later styles win over earlier ones,
 * so plugins override the defaults). Labels grow with a node's degree and fade out when zoomed
 * out (`min-zoomed-font-size`), which also spares the renderer drawing unreadable text.
 */
export function buildStylesheet(
  styles: readonly GraphStyle[],
  theme: GraphTheme = 'light',
  options: { large?: boolean } = {},
): StylesheetJson {
  const text = theme === 'dark' ? '#e5e7eb' : '#1f2937';
  const halo = theme === 'dark' ? '#111827' : '#ffffff';
  const line = theme === 'dark' ? '#4b5563' : '#cbd5e1';
  const labelStyle = {
    label: 'data(label)',
    color: text,
    'font-family': 'Inter, system-ui, sans-serif',
    'font-size': 'mapData(degree, 0, 24, 12, 18)',
    'font-weight': 500,
    'text-valign': 'bottom',
    'text-margin-y': 4,
    'text-outline-color': halo,
    'text-outline-width': 2,
    'text-max-width': '120px',
    'text-wrap': 'wrap',
    'min-zoomed-font-size': 9,
  } as const;
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': '#94a3b8',
        'border-width': 2,
        'border-color': halo,
        // A large graph's labels are drawn only where the view puts them (labelLevelOfDetail):
        // Cytoscape measures every label it is given, even those too small to draw, and
        // applies every text property to every node.
        ...(options.large ? {} : labelStyle),
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': line,
        'target-arrow-color': line,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'straight',
        opacity: 0.85,
      },
    },
  ];
  if (options.large)
    // A large graph draws its edges as haystacks (straight, no arrow heads): several times
    // cheaper per frame than arrows; direction shows again in the local graph and on selection.
    sheet.push(
      {
        selector: 'edge',
        style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' },
      },
      {
        selector: `node.${LABELLED}, node:selected, node.focused, node.path`,
        style: labelStyle,
      },
    );
  for (const s of styles) {
    if (s.kind !== undefined) {
      const style: Record<string, string | number> = {};
      if (s.colour) style['background-color'] = s.colour;
      if (s.shape) style.shape = s.shape;
      sheet.push({ selector: `node[kind = "${checkKey('kind', s.kind)}"]`, style });
    } else if (s.relation !== undefined) {
      const style: Record<string, string | number> = {};
      if (s.colour) {
        style['line-color'] = s.colour;
        style['target-arrow-color'] = s.colour;
      }
      if (s.lineStyle) style['line-style'] = s.lineStyle;
      if (s.width !== undefined) style.width = s.width;
      sheet.push({ selector: `edge[type = "${checkKey('relation', s.relation)}"]`, style });
    } else {
      throw new Error('graphStyles: a style needs a "kind" or a "relation"');
    }
  }
  const accent = '#f43f5e';
  sheet.push(
    {
      // A fold's who-met-whom links: quiet, thicker the more meetings two members shared, and
      // without direction.
      selector: 'edge.derived',
      style: {
        width: 'mapData(weight, 1, 20, 1, 7)',
        'line-color': theme === 'dark' ? '#64748b' : '#94a3b8',
        'target-arrow-shape': 'none',
        'curve-style': 'straight',
        opacity: 0.35,
        'z-index': 0,
      },
    },
    {
      // The People mode: ties carry the network, so they read more than a fold's links.
      selector: 'edge.people-tie',
      style: { opacity: 0.6, width: 'mapData(weight, 1, 30, 1, 8)' },
    },
    {
      // Each person in their community's colour (People mode), over the kind's.
      selector: 'node[communityColour]',
      style: { 'background-color': 'data(communityColour)' },
    },
    {
      selector: 'node.broker',
      style: { 'border-width': 4, 'border-color': theme === 'dark' ? '#f8fafc' : '#0f172a' },
    },
    {
      selector: 'edge.show-label, edge:selected',
      style: {
        label: 'data(type)',
        'font-size': 10,
        color: text,
        'text-rotation': 'autorotate',
        'text-background-color': halo,
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 8,
      },
    },
    { selector: '.filtered, .not-yet', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    {
      selector: 'node:selected',
      style: { 'border-color': accent, 'border-width': 4 },
    },
    {
      selector: '.focused',
      style: { 'border-color': accent, 'border-width': 5, 'z-index': 10 },
    },
    {
      selector: 'node.path',
      style: { 'border-color': '#f97316', 'border-width': 5 },
    },
    {
      selector: 'edge.path',
      style: {
        'line-color': '#f97316',
        'target-arrow-color': '#f97316',
        width: 4,
        opacity: 1,
        'z-index': 10,
      },
    },
    {
      selector: '.added-since',
      style: { opacity: 0.25, 'text-opacity': 0.4, 'line-style': 'dashed' },
    },
    {
      selector: 'node.added-since',
      style: { 'border-style': 'dashed', 'border-color': '#22c55e' },
    },
    {
      selector: 'node.removed-since',
      style: { 'border-color': '#dc2626', 'border-width': 4, 'border-style': 'double' },
    },
    {
      selector: 'edge.removed-since',
      style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', 'line-style': 'dashed' },
    },
    {
      selector: 'node.collapsed',
      style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#64748b' },
    },
  );
  return sheet;
}
