import { useState } from 'react';
import type { GraphView } from '../graphView.ts';
import type { LayoutName } from '../layoutOptions.ts';

/** A layout under way: which, how far, and how to cancel it. */
export interface LayoutRun {
  readonly name: LayoutName;
  readonly progress: number;
  readonly abort: AbortController;
}

/** Runs layouts on demand (one at a time, a new one cancels the last); keeps the last error. */
export function useLayoutRun(view: GraphView | null) {
  const [running, setRunning] = useState<LayoutRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (name: LayoutName) => {
    if (!view) return;
    running?.abort.abort();
    const abort = new AbortController();
    setRunning({ name, progress: 0, abort });
    setError(null);
    try {
      await view.layout(name, {
        signal: abort.signal,
        onProgress: (progress) =>
          setRunning((l) => (l && l.abort === abort ? { ...l, progress } : l)),
      });
      view.fit();
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError(`Layout failed: ${(e as Error).message}`);
    } finally {
      setRunning((l) => (l?.abort === abort ? null : l));
    }
  };
  return { running, error, run };
}
