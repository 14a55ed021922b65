import { z } from 'zod';

/**
 * What a member has chosen in the graph explorer (its mode, filters, local graph, date, sizing),
 * as plain data: the explorer's components read it and dispatch {@link ExplorerAction}s, the view
 * is brought to it (see `useViewSync`), and a saved view is this object with the positions added.
 * Kept serializable and versioned so a view saved today opens in a later explorer.
 */
export const explorerStateSchema = z.strictObject({
  version: z.literal(1),
  /** The View menu's mode id; an unknown one (its plugin disabled) opens the first mode. */
  mode: z.string().min(1).max(200).nullable(),
  hiddenKinds: z.array(z.string().min(1).max(200)).max(1000),
  hiddenRelations: z.array(z.string().min(1).max(200)).max(1000),
  /** The entity whose local graph is shown; null for the whole graph. */
  focus: z.string().min(1).max(200).nullable(),
  depth: z.number().int().min(1).max(4),
  /** The past day shown (`YYYY-MM-DD`); null for now. */
  date: z.iso.date().nullable(),
  size: z.enum(['degree', 'betweenness', 'uniform']),
  /** Where the nodes sat (saved views only; the live explorer keeps them in its position store). */
  positions: z
    .record(
      z.string().min(1).max(200),
      z.strictObject({
        x: z.number().refine(Number.isFinite),
        y: z.number().refine(Number.isFinite),
      }),
    )
    .optional(),
});
/** See {@link explorerStateSchema}. */
export type ExplorerState = z.infer<typeof explorerStateSchema>;

/** The explorer's state when it opens: everything shown, now, in `mode`. */
export function initialExplorerState(mode: string | null = null): ExplorerState {
  return {
    version: 1,
    mode,
    hiddenKinds: [],
    hiddenRelations: [],
    focus: null,
    depth: 1,
    date: null,
    size: 'degree',
  };
}

/** Every change a member (or a saved view) makes to {@link ExplorerState}. */
export type ExplorerAction =
  | { type: 'mode'; mode: string }
  | { type: 'toggleKind'; kind: string }
  | { type: 'toggleRelation'; relation: string }
  | { type: 'local'; focus: string | null; depth?: number }
  | { type: 'depth'; depth: number }
  | { type: 'date'; date: string | null }
  | { type: 'size'; size: ExplorerState['size'] }
  | { type: 'replace'; state: ExplorerState };

const toggled = (list: readonly string[], key: string) =>
  list.includes(key) ? list.filter((k) => k !== key) : [...list, key].sort();

/** The pure reducer of the explorer's state (unchanged state is returned as is). */
export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case 'mode':
      return state.mode === action.mode ? state : { ...state, mode: action.mode };
    case 'toggleKind':
      return { ...state, hiddenKinds: toggled(state.hiddenKinds, action.kind) };
    case 'toggleRelation':
      return { ...state, hiddenRelations: toggled(state.hiddenRelations, action.relation) };
    case 'local': {
      const depth = action.depth ?? state.depth;
      return state.focus === action.focus && state.depth === depth
        ? state
        : { ...state, focus: action.focus, depth };
    }
    case 'depth':
      return state.depth === action.depth ? state : { ...state, depth: action.depth };
    case 'date':
      return state.date === action.date ? state : { ...state, date: action.date };
    case 'size':
      return state.size === action.size ? state : { ...state, size: action.size };
    case 'replace':
      return action.state;
  }
}

/** The state as JSON text (what a saved view stores). */
export function serializeExplorerState(state: ExplorerState): string {
  return JSON.stringify(explorerStateSchema.parse(state));
}

/**
 * Reads a state written by {@link serializeExplorerState}; throws an error that names the first
 * wrong field, so a damaged saved view is reported rather than half applied.
 */
export function parseExplorerState(text: string): ExplorerState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This saved view is not valid JSON.');
  }
  const parsed = explorerStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `This saved view cannot be read: ${issue?.path.join('.') || 'the view'}: ${issue?.message}`,
    );
  }
  return parsed.data;
}
