import { type GraphAtDate, type GraphSource, MemoryGraphSource } from '@repertoire/graph-view';
import type { Disposable, EntityInfo, GraphApi, RelationInfo } from '@repertoire/plugin-api';

const toEntity = (e: EntityInfo) => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  createdAt: e.createdAt,
});
const toRelation = (r: RelationInfo) => ({ id: r.id, from: r.from, type: r.type, to: r.to });

/**
 * The graph view's {@link GraphSource} over the plugin API: a copy of the graph loaded once and
 * kept current from the API's change events (only the ids each change touched are read again),
 * so the view updates incrementally as members edit, here or elsewhere.
 */
export async function apiGraphSource(graph: GraphApi): Promise<GraphSource & Disposable> {
  const source = new MemoryGraphSource();
  // Changes that arrive while the first copy loads are applied after it, in order.
  let queue: Promise<void> = Promise.resolve();
  const subscription = graph.onDidChange((change) => {
    queue = queue.then(async () => {
      const touched = [...change.entitiesAdded, ...change.entitiesUpdated];
      const [entities, relations] = await Promise.all([
        touched.length ? graph.entities({ ids: touched }) : [],
        Promise.all(
          [...new Set(change.relationsAdded.map((id) => id.split('|')[0] ?? ''))].map((from) =>
            graph.relations({ from }),
          ),
        ),
      ]);
      const added = new Set(change.relationsAdded);
      source.remove({ entities: change.entitiesRemoved, relations: change.relationsRemoved });
      source.put({
        entities: entities.map(toEntity),
        relations: relations
          .flat()
          .filter((r) => added.has(r.id))
          .map(toRelation),
      });
    });
  });
  const [entities, relations] = await Promise.all([graph.entities(), graph.relations()]);
  source.put({ entities: entities.map(toEntity), relations: relations.map(toRelation) });
  return Object.assign(source, { dispose: () => subscription.dispose() });
}

/**
 * The graph on a past date for the time slider, from what the API gives every plugin: the
 * entities and relations created by then (their creation stamps). What was deleted since does not
 * come back; the server's snapshots would be needed for that.
 */
export function apiGraphAt(graph: GraphApi): GraphAtDate {
  return async (date) => {
    const t = date.getTime();
    const [entities, relations] = await Promise.all([graph.entities(), graph.relations()]);
    const kept = entities.filter((e) => Date.parse(e.createdAt) <= t);
    const ids = new Set(kept.map((e) => e.id));
    return {
      entities: kept.map(toEntity),
      relations: relations
        .filter((r) => Date.parse(r.createdAt) <= t && ids.has(r.from) && ids.has(r.to))
        .map(toRelation),
    };
  };
}
