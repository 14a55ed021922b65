/** Something that can be undone by calling `dispose()`; every registration returns one. */
export interface Disposable {
  dispose(): void;
}

/** Wraps a function as a Disposable that runs it at most once. */
export function toDisposable(fn: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      fn();
    },
  };
}

/** Disposes many registrations together, e.g. everything a view registered. */
export function combineDisposables(...items: Disposable[]): Disposable {
  return toDisposable(() => {
    for (const item of items) item.dispose();
  });
}
