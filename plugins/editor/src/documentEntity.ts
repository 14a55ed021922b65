import type { Disposable, GraphApi } from '@repertoire/plugin-api';

/**
 * What a document's tab shows of its entity: nothing yet (the graph is being read), the title of
 * an entity that has a document, or `missing` for one that was deleted, has no document, or has
 * not reached this device yet.
 */
export type DocumentHeading =
  | { readonly state: 'loading' }
  | { readonly state: 'missing' }
  | { readonly state: 'shown'; readonly title: string };

/**
 * Follows the entity behind a document tab through the graph's change deltas: its title after a
 * rename (here or by anyone), `missing` once it is deleted, `shown` when it arrives from the
 * server after the tab opened. `listener` hears each new heading; dispose to stop.
 */
export function followDocumentHeading(
  graph: GraphApi,
  id: string,
  listener: (heading: DocumentHeading) => void,
): Disposable {
  let last = '';
  const emit = (heading: DocumentHeading) => {
    const key = JSON.stringify(heading);
    if (key === last) return;
    last = key;
    listener(heading);
  };
  const of = (entity: { title: string; document?: boolean } | undefined): DocumentHeading =>
    entity?.document ? { state: 'shown', title: entity.title } : { state: 'missing' };
  let live = true;
  // A change heard before the first read answers is newer: the read then changes nothing.
  let heard = false;
  const subscription = graph.onDidChange((change) => {
    const changed = change.entities.find((e) => e.id === id);
    if (changed) {
      heard = true;
      emit(of(changed));
    } else if (change.entitiesRemoved.includes(id)) {
      heard = true;
      emit({ state: 'missing' });
    }
  });
  emit({ state: 'loading' });
  graph.getEntity(id).then(
    (entity) => {
      if (live && !heard) emit(of(entity));
    },
    () => {
      if (live && !heard) emit({ state: 'missing' });
    },
  );
  return {
    dispose() {
      live = false;
      subscription.dispose();
    },
  };
}
