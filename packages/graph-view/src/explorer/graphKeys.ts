import type { KeyboardEvent, RefObject } from 'react';
import type { GraphView } from '../graphView.ts';
import type { LocalGraph } from './LocalGraphControls.tsx';

const ARROWS: Record<string, 'left' | 'right' | 'up' | 'down'> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The canvas's keyboard: arrows, Enter, +/−, F, L, E/C, Escape and / (see GraphExplorer). */
export function graphKeyHandler(
  view: GraphView | null,
  local: LocalGraph,
  root: RefObject<HTMLDivElement | null>,
): (e: KeyboardEvent<HTMLDivElement>) => void {
  return (e) => {
    if (!view) return;
    const dir = ARROWS[e.key];
    if (dir) view.moveFocus(dir);
    else if (e.key === 'Enter') view.openFocused();
    else if (e.key === '+' || e.key === '=') view.zoomBy(1.25);
    else if (e.key === '-') view.zoomBy(0.8);
    else if (e.key === 'f') view.fit();
    else if (e.key === 'l') local.show(view.focused());
    else if (e.key === 'e' || e.key === 'c') {
      const id = view.focused();
      if (id) e.key === 'e' ? view.expand(id) : view.collapse(id);
    } else if (e.key === 'Escape') {
      view.clearPath();
      local.show(null);
    } else if (e.key === '/')
      root.current?.querySelector<HTMLInputElement>('.rg-search input')?.focus();
    else return;
    e.preventDefault();
  };
}
