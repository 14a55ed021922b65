import type { GraphEdit, GraphTransaction } from './graph.ts';

// Edits are copied so later mutation of the caller's objects cannot change what gets committed.
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Runs `build` against a recorder and returns the edits it made, for {@link GraphApi.applyEdits}.
 * Hosts implement `GraphApi.transact` with it, so a transaction is one serializable message.
 */
export async function recordTransaction<T>(
  build: (tx: GraphTransaction) => T | Promise<T>,
): Promise<{ value: T; edits: GraphEdit[] }> {
  const edits: GraphEdit[] = [];
  let next = 0;
  let open = true;
  const guard = () => {
    if (!open) throw new Error('this transaction has already been committed');
  };
  const tx: GraphTransaction = {
    createEntity(entity) {
      guard();
      next += 1;
      const ref = `new:${next}`;
      edits.push({ op: 'createEntity', ref, entity: copy(entity) });
      return ref;
    },
    updateEntity(id, patch) {
      guard();
      edits.push({ op: 'updateEntity', id, patch: copy(patch) });
    },
    deleteEntity(id) {
      guard();
      edits.push({ op: 'deleteEntity', id });
    },
    link(from, type, to, attributes) {
      guard();
      edits.push({ op: 'link', from, type, to, ...(attributes ? { attributes } : {}) });
    },
    unlink(from, type, to) {
      guard();
      edits.push({ op: 'unlink', from, type, to });
    },
  };
  const value = await build(tx);
  open = false;
  return { value, edits };
}
