import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Disposable } from './observable.ts';

type StackItem = Y.UndoManager['undoStack'][number];
interface Resettable {
  resetUnsyncedChanges(): void;
}

/**
 * The local changes to one document that the server has not acknowledged yet, kept so they can be
 * taken back when the server refuses them (an invalid graph update, a viewer's edit, a full
 * quota). Every local transaction, whatever its origin (the core's, an editor binding's), is kept
 * in an undo manager, one step per transaction. Each acknowledgement drops the steps its message
 * carried, so a refusal takes back only what the server did not store: while a member types on,
 * the provider may never count zero unacknowledged changes, and the changes it did acknowledge
 * must not be undone (the undoing would reach the server and erase them for everyone).
 */
export class PendingChanges implements Disposable {
  readonly #doc: Y.Doc;
  readonly #provider: HocuspocusProvider;
  readonly #undo: Y.UndoManager;
  readonly #added = new Set<() => void>();
  /**
   * For each message the provider counts as unacknowledged, oldest first, the newest step it
   * carries (the provider sends one message per local transaction; the steps are recorded before
   * the message is counted, since Yjs emits `afterTransaction` before `update`). Acknowledgements
   * arrive in order.
   */
  #sent: (StackItem | undefined)[] = [];
  #unsynced = 0;
  /** True while the provider resets its count: a (re)connect's sync carries everything. */
  #resetting = false;
  readonly #reset: () => void;

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
    // The provider sets its count to 1 when it (re)syncs, which its event cannot tell apart from
    // an acknowledgement taking 2 to 1, so the reset is marked around the call. It is private in
    // the provider's types (Hocuspocus is pinned; syncClient.test.ts fails if it changes).
    const resettable = provider as unknown as Resettable;
    this.#reset = resettable.resetUnsyncedChanges;
    resettable.resetUnsyncedChanges = () => {
      this.#resetting = true;
      try {
        this.#reset.call(provider);
      } finally {
        this.#resetting = false;
      }
    };
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
    this.#sent = [];
    return count;
  }

  dispose(): void {
    this.#provider.off('unsyncedChanges', this.#onUnsynced);
    (this.#provider as unknown as Resettable).resetUnsyncedChanges = this.#reset;
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
    const before = this.#unsynced;
    this.#unsynced = number;
    const newest = this.#undo.undoStack.at(-1);
    if (number === 0) {
      this.#undo.clear();
      this.#sent = [];
    } else if (this.#resetting) {
      // A (re)connect's sync counts as one message carrying everything not yet acknowledged.
      this.#sent = [newest];
    } else if (number === before + 1) {
      this.#sent.push(newest);
    } else if (number === before - 1) {
      this.#acknowledge(this.#sent.shift());
    }
  };

  /** Drops the oldest steps, up to and including `newest`: the server stored them. */
  #acknowledge(newest: StackItem | undefined): void {
    if (!newest) return;
    const stack = this.#undo.undoStack;
    const at = stack.indexOf(newest);
    if (at >= 0) stack.splice(0, at + 1);
  }
}
