import type { PortableGraph } from './portableGraph.ts';

/** Where the graph view put an entity, and its colour there. */
export interface CanvasPlacement {
  x: number;
  y: number;
  colour?: string;
}

/** A named group of entities in the view (e.g. made with Group…), drawn as a canvas group. */
export interface CanvasGroup {
  label: string;
  members: readonly string[];
  colour?: string;
}

/** Options of {@link exportCanvas}. */
export interface CanvasExportOptions {
  placements: ReadonlyMap<string, CanvasPlacement>;
  groups?: readonly CanvasGroup[];
  /** A note's path in an exported vault, so canvas cards open the note; text cards otherwise. */
  noteOf?: (entityId: string) => string | undefined;
}

const WIDTH = 240;
const HEIGHT = 80;
const PAD = 40;

interface CanvasNode {
  id: string;
  type: 'text' | 'file' | 'group';
  x: number;
  y: number;
  width: number;
  height: number;
  color?: string;
  text?: string;
  file?: string;
  label?: string;
}

/**
 * Writes JSON Canvas 1.0 (Obsidian's open canvas format) of the graph as the view shows it: a
 * card per placed entity at its position and colour, an arrow per relation labelled with its
 * type, and a group box around each group's cards.
 */
export function exportCanvas(graph: PortableGraph, options: CanvasExportOptions): string {
  const nodes: CanvasNode[] = [];
  const placed = new Set<string>();
  for (const entity of graph.entities) {
    const at = options.placements.get(entity.id);
    if (!at) continue;
    placed.add(entity.id);
    const file = options.noteOf?.(entity.id);
    nodes.push({
      id: entity.id,
      ...(file
        ? { type: 'file' as const, file }
        : { type: 'text' as const, text: `**${entity.title}**\n\n${entity.kind}` }),
      x: Math.round(at.x - WIDTH / 2),
      y: Math.round(at.y - HEIGHT / 2),
      width: WIDTH,
      height: HEIGHT,
      ...(at.colour ? { color: at.colour } : {}),
    });
  }
  const groups: CanvasNode[] = (options.groups ?? []).flatMap((group, i) => {
    const cards = nodes.filter((n) => group.members.includes(n.id));
    if (cards.length === 0) return [];
    const x = Math.min(...cards.map((c) => c.x)) - PAD;
    const y = Math.min(...cards.map((c) => c.y)) - PAD;
    return [
      {
        id: `group-${i + 1}`,
        type: 'group' as const,
        label: group.label,
        x,
        y,
        width: Math.max(...cards.map((c) => c.x + c.width)) + PAD - x,
        height: Math.max(...cards.map((c) => c.y + c.height)) + PAD - y,
        ...(group.colour ? { color: group.colour } : {}),
      },
    ];
  });
  const edges = graph.relations
    .filter((r) => placed.has(r.from) && placed.has(r.to))
    .map((r) => ({
      id: `${r.from}|${r.type}|${r.to}`,
      fromNode: r.from,
      toNode: r.to,
      toEnd: 'arrow',
      label: r.type,
    }));
  // Groups first: canvas draws in array order, so the boxes sit behind their cards.
  return `${JSON.stringify({ nodes: [...groups, ...nodes], edges }, null, 2)}\n`;
}
