import type { Position } from './positionStore.ts';

/** What the page sends the layout worker. */
export interface LayoutRequest {
  /** Width and height include the label where the page could measure it. */
  nodes: { id: string; x: number; y: number; width: number; height: number }[];
  /** Source and target of each relation between two of the nodes. */
  edges: [string, string][];
  /** Start from scratch (spectral draft first) rather than refine the current positions. */
  randomize: boolean;
}

/** What the layout worker answers: a draft, then the final positions. */
export type LayoutResponse =
  | { type: 'progress'; phase: 'draft'; progress: number; positions: Record<string, Position> }
  | { type: 'done'; positions: Record<string, Position> };
