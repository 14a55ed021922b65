import { useEffect, useState } from 'react';
import type { GraphView } from '../graphView.ts';

/**
 * A value read from the view, read again whenever one of its events fires (live changes,
 * filters, a load's progress…); null until the view exists.
 */
export function useViewValue<T>(
  view: GraphView | null,
  read: (view: GraphView) => T,
  events: (view: GraphView) => readonly ((listener: () => void) => { dispose(): void })[],
): T | null {
  const [value, setValue] = useState<T | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read and events are fixed per call site
  useEffect(() => {
    if (!view) return;
    const update = () => setValue(read(view));
    update();
    const subs = events(view).map((on) => on(update));
    return () => {
      for (const s of subs) s.dispose();
    };
  }, [view]);
  return value;
}
