import { graphMaps, type KindRegistry } from '@repertoire/core';
import * as Y from 'yjs';
import { parseDocumentName } from './documentName.ts';
import { checkGraphTransaction } from './graphUpdateCheck.ts';
import type { SyncContext } from './syncContext.ts';

/** Why a graph update was refused; the sender's socket closes with this code and reason. */
export class InvalidGraphUpdate extends Error {
  readonly code = 4422;
  readonly reason: string;
  constructor(problem: string) {
    super(`Invalid graph update: ${problem}`);
    // A WebSocket close reason holds at most 123 bytes.
    this.reason = clipBytes(this.message, 123);
  }
}

/**
 * Whether the member behind `context` stewards the community: what it needs from the store is
 * read first, and the function it resolves with reads the live document.
 */
export type StewardCheck = (context: SyncContext) => Promise<(live: Y.Doc) => boolean>;

/** The origin of the guard's own transactions on its scratch copies. */
const GUARD_ORIGIN = Symbol('graph-guard');

interface Shadow {
  readonly doc: Y.Doc;
  readonly follow: (update: Uint8Array) => void;
}

/**
 * The server's check of every update to a graph document before it is applied, stored or relayed
 * (tldraw's sync room validating every record is the model). Each loaded graph document has a
 * scratch copy that follows it; an incoming update is applied to the copy first, and only the keys
 * that transaction touched are checked (`checkGraphTransaction`), so a small update costs little
 * on a large graph. A refused update leaves the live document unchanged; the copy, which took it,
 * is dropped and rebuilt from the live document on the next update.
 */
export class GraphGuard {
  readonly #kinds: KindRegistry;
  readonly #clockSkewMs: number;
  readonly #shadows = new WeakMap<Y.Doc, Shadow>();

  readonly #isSteward: StewardCheck | undefined;

  /**
   * `isSteward` says whether an update's sender stewards the community (see `stewards.ts`); it
   * is given the live document, as it was before the update, so an update cannot promote the
   * member who sends it.
   */
  constructor(kinds: KindRegistry, clockSkewMs = 15 * 60_000, isSteward?: StewardCheck) {
    this.#kinds = kinds;
    this.#clockSkewMs = clockSkewMs;
    this.#isSteward = isSteward;
  }

  /** The kinds updates are checked against. */
  get kinds(): KindRegistry {
    return this.#kinds;
  }

  /**
   * Throws (or rejects with) {@link InvalidGraphUpdate} when `update`, sent by `context`'s member
   * to the live document `documentName`, would leave anything invalid; other documents pass
   * unchecked. Synchronous unless the update touches a kind only stewards may change and the
   * sender is no owner: then whether they steward is read from the store, and the update is
   * checked again against the live document as it is then.
   */
  check(
    documentName: string,
    live: Y.Doc,
    update: Uint8Array,
    context: SyncContext,
  ): void | Promise<void> {
    if (parseDocumentName(documentName)?.kind !== 'graph') return;
    let asked = false;
    // First as a non-steward (the stricter answer): most updates never ask.
    const problem = this.#check(live, update, context, () => {
      if (context.role === 'owner') return true;
      asked = true;
      return false;
    });
    if (problem === undefined) return;
    this.release(live);
    const stewardCheck = this.#isSteward;
    if (!asked || !stewardCheck) throw new InvalidGraphUpdate(problem);
    return stewardCheck(context).then((isStewardIn) => {
      const again = this.#check(live, update, context, () => isStewardIn(live));
      if (again === undefined) return;
      this.release(live);
      throw new InvalidGraphUpdate(again);
    });
  }

  #check(
    live: Y.Doc,
    update: Uint8Array,
    context: SyncContext,
    isSteward: () => boolean,
  ): string | undefined {
    const shadow = this.#shadowOf(live);
    let problem: string | undefined;
    let steward: boolean | undefined;
    try {
      shadow.doc.transact((tr) => {
        Y.applyUpdate(shadow.doc, update);
        problem = checkGraphTransaction(tr, shadow.doc, {
          kinds: this.#kinds,
          sender: {
            userId: context.user.id,
            notBefore: Date.parse(context.user.createdAt) || 0,
            // Asked once per update at most, and only when it touches a stewarded kind.
            isSteward: () => (steward ??= isSteward()),
            owner: context.role === 'owner',
          },
          now: Date.now(),
          clockSkewMs: this.#clockSkewMs,
        });
      }, GUARD_ORIGIN);
    } catch (error) {
      problem = `it does not apply (${(error as Error).message})`;
    }
    return problem;
  }

  /** Drops the scratch copy of `live` (when it unloads, or after a refusal). */
  release(live: Y.Doc): void {
    const shadow = this.#shadows.get(live);
    if (!shadow) return;
    live.off('update', shadow.follow);
    this.#shadows.delete(live);
    shadow.doc.destroy();
  }

  #shadowOf(live: Y.Doc): Shadow {
    const existing = this.#shadows.get(live);
    if (existing) return existing;
    // Deleted content is kept, so a stamp an undo restores can be recognised.
    const doc = new Y.Doc({ gc: false });
    // Defined before anything is applied, so the changed types of a transaction are these maps.
    graphMaps(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    const { pendingStructs, pendingDs } = live.store;
    if (pendingStructs) Y.applyUpdate(doc, pendingStructs.update);
    if (pendingDs) Y.applyUpdate(doc, pendingDs);
    // Everything the live document takes (checked updates again, which Yjs skips as known;
    // server-side changes; changes relayed from other instances) reaches the copy too.
    const follow = (update: Uint8Array) => {
      try {
        Y.applyUpdate(doc, update);
      } catch {
        // Never let the copy break the live document's update; it is rebuilt on the next check.
        this.release(live);
      }
    };
    live.on('update', follow);
    const shadow = { doc, follow };
    this.#shadows.set(live, shadow);
    return shadow;
  }
}

function clipBytes(text: string, max: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= max) return text;
  let out = text;
  while (new TextEncoder().encode(`${out}…`).length > max) out = out.slice(0, -1);
  return `${out}…`;
}
