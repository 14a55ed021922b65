import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Disposable } from './observable.ts';

/**
 * The local changes to one document that the server has not acknowledged yet, kept so they can be
 * taken back when the server refuses them (an invalid graph update, a viewer's edit, a full
 * quota). Every local transaction, whatever its origin (the core's, an editor binding's), is kept
 * in an undo manager; once the provider counts no unacknowledged change, the server has stored
 * them all and the record is cleared.
 */
export class PendingChanges implements Disposable {
  readonly #doc: Y.Doc;
  readonly #provider: HocuspocusProvider;
  readonly #undo: Y.UndoManager;
  readonly #added = new Set<() => void>();

  constructor(doc: Y.Doc, provider: HocuspocusProvider) {
    this.#doc = doc;
    this.#provider = provider;
    this.#undo = new Y.UndoManager([...doc.share.values()], {
      doc,
      // Every transaction is its own step, so rolling back takes back exactly what was made.
      captureTimeout: 0,
      trackedOrigins: new Set<unknown>([null]),
    });
    this.#undo.on('stack-item-added', this.#onAdded);
    doc.on('beforeTransaction', this.#track);
    provider.on('unsyncedChanges', this.#onUnsynced);
  }

  /** How many local changes are kept (made, not yet acknowledged). */
  get size(): number {
    return this.#undo.undoStack.length;
  }

  /** Calls `listener` after each local change is kept (outside the transaction that made it). */
  onDidAdd(listener: () => void): Disposable {
    this.#added.add(listener);
    return { dispose: () => this.#added.delete(listener) };
  }

  /** Takes back every kept change, newest first; returns how many there were. */
  rollBack(): number {
    const count = this.#undo.undoStack.length;
    while (this.#undo.undoStack.length > 0) this.#undo.undo();
    this.#undo.clear();
    return count;
  }

  dispose(): void {
    this.#provider.off('unsyncedChanges', this.#onUnsynced);
    this.#doc.off('beforeTransaction', this.#track);
    this.#undo.destroy();
    this.#added.clear();
  }

  readonly #track = (transaction: Y.Transaction) => {
    if (!transaction.local || transaction.origin === this.#undo) return;
    this.#undo.addTrackedOrigin(transaction.origin);
    // Types made since the manager started count too.
    for (const type of this.#doc.share.values()) this.#undo.addToScope(type);
  };

  readonly #onAdded = () => {
    queueMicrotask(() => {
      for (const listener of [...this.#added]) listener();
    });
  };

  readonly #onUnsynced = ({ number }: { number: number }) => {
    // The provider counts a change from the moment it is made until the server acknowledges it
    // (a viewer's refused update is never acknowledged, so it stays).
    if (number === 0) this.#undo.clear();
  };
}
