import { useEffect, useRef } from 'react';
import type { ExplorerAction, ExplorerState } from '../explorerState.ts';
import type { GraphView } from '../graphView.ts';
import type { GraphMode } from '../modes.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The mode a state names, or the first one when it names none we have. */
export function modeOf(modes: readonly GraphMode[], id: string | null): GraphMode {
  return modes.find((m) => m.id === id) ?? (modes[0] as GraphMode);
}

/**
 * Brings the view to the explorer's state, changing only what differs from what was applied
 * last (a new view starts in `created`, its mode entered by `useGraphView`). The view's own
 * date changes (▶ replaying the growth) are written back into the state, so the two agree.
 */
export function useViewSync(
  view: GraphView | null,
  state: ExplorerState,
  modes: readonly GraphMode[],
  created: ExplorerState,
  dispatch: (action: ExplorerAction) => void,
): void {
  const applied = useRef<{ view: GraphView; state: ExplorerState } | null>(null);
  useEffect(() => {
    if (!view) return;
    const d = view.onDidChangeShownDate((date) => {
      const day = date ? isoDay(date) : null;
      if (applied.current?.view === view)
        applied.current = { view, state: { ...applied.current.state, date: day } };
      dispatch({ type: 'date', date: day });
    });
    return () => d.dispose();
  }, [view, dispatch]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `created` is read once per view
  useEffect(() => {
    if (!view) return;
    const prev = applied.current?.view === view ? applied.current.state : created;
    applied.current = { view, state };
    applyExplorerState(view, prev, state, modes);
  }, [view, state, modes]);
}

/** Applies what differs between two states to the view (exported for tests and headless use). */
export function applyExplorerState(
  view: GraphView,
  prev: ExplorerState,
  next: ExplorerState,
  modes: readonly GraphMode[],
): void {
  const from = modeOf(modes, prev.mode);
  const to = modeOf(modes, next.mode);
  if (from.id !== to.id) {
    from.leave?.(view);
    to.enter(view, next.date);
  } else if (next.date !== prev.date) to.dateChanged?.(view, next.date);
  for (const k of new Set([...prev.hiddenKinds, ...next.hiddenKinds]))
    if (prev.hiddenKinds.includes(k) !== next.hiddenKinds.includes(k))
      view.setKindShown(k, !next.hiddenKinds.includes(k));
  for (const t of new Set([...prev.hiddenRelations, ...next.hiddenRelations]))
    if (prev.hiddenRelations.includes(t) !== next.hiddenRelations.includes(t))
      view.setRelationShown(t, !next.hiddenRelations.includes(t));
  if (next.focus === null) {
    if (prev.focus !== null) view.showAll();
  } else if (next.focus !== prev.focus || next.depth !== prev.depth)
    view.showLocal(next.focus, next.depth);
  if (next.size !== prev.size) view.sizeBy(next.size);
  if (next.positions && next.positions !== prev.positions) view.placeNodes(next.positions);
  if (next.date !== prev.date) {
    if (next.date === null) view.showNow();
    // A view without history (no time bar) stays on now rather than fail.
    else view.showAt(new Date(`${next.date}T23:59:59Z`)).catch(() => undefined);
  }
  if (from.id !== to.id || next.positions !== prev.positions) view.fit();
}
