import * as Y from 'yjs';
import type { Disposable, Observable } from './observable.ts';

/**
 * While `readOnly` holds (a viewer), takes back every local change to `doc` right after it is
 * made. The server refuses a viewer's updates, so a change that slipped past the UI would
 * otherwise show this member (and their offline cache) a workspace nobody else has.
 */
export function guardReadOnly(doc: Y.Doc, readOnly: Observable<boolean>): Disposable {
  let undo: Y.UndoManager | undefined;
  const start = () => {
    if (undo) return;
    const manager = new Y.UndoManager([...doc.share.values()], {
      doc,
      captureTimeout: 0,
      trackedOrigins: new Set<unknown>([null]),
    });
    manager.on('stack-item-added', () => {
      // Outside the transaction that made the change, so it is a change of its own.
      queueMicrotask(() => {
        if (undo === manager) manager.undo();
        manager.clear();
      });
    });
    undo = manager;
  };
  const stop = () => {
    undo?.destroy();
    undo = undefined;
  };
  const track = (transaction: Y.Transaction) => {
    if (!undo || !transaction.local || transaction.origin === undo) return;
    // Every local origin (the core's, an editor binding's…) counts; types made since count too.
    undo.addTrackedOrigin(transaction.origin);
    for (const type of doc.share.values()) undo.addToScope(type);
  };
  doc.on('beforeTransaction', track);
  const follow = readOnly.onDidChange((value) => (value ? start() : stop()));
  if (readOnly.get()) start();
  return {
    dispose() {
      follow.dispose();
      doc.off('beforeTransaction', track);
      stop();
    },
  };
}
