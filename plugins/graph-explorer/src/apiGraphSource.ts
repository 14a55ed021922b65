import { type GraphAtDate, type GraphSource, MemoryGraphSource } from '@repertoire/graph-view';
import type {
  Disposable,
  EntityInfo,
  GraphApi,
  GraphChange,
  RelationInfo,
} from '@repertoire/plugin-api';

const toEntity = (e: EntityInfo) => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  createdAt: e.createdAt,
});
/**
 * Kinds the graph does not draw: a saved graph view is about the graph, not a part of the
 * community's knowledge.
 */
const NOT_DRAWN = new Set(['graphView']);
const drawn = (e: EntityInfo) => !NOT_DRAWN.has(e.kind);
const toRelation = (r: RelationInfo) => ({ id: r.id, from: r.from, type: r.type, to: r.to });

/**
 * The graph view's {@link GraphSource} over the plugin API: a copy of the graph loaded once and
 * kept current from the API's change deltas (which carry the new values, so nothing is read
 * again), so the view updates incrementally as members edit, here or elsewhere.
 */
export async function apiGraphSource(graph: GraphApi): Promise<GraphSource & Disposable> {
  const source = new MemoryGraphSource();
  // Deltas that arrive while the first copy loads are applied after it, in order.
  let loaded = false;
  const early: GraphChange[] = [];
  const apply = (change: GraphChange) => {
    source.remove({ entities: change.entitiesRemoved, relations: change.relationsRemoved });
    source.put({
      entities: change.entities.filter(drawn).map(toEntity),
      relations: change.relations.map(toRelation),
    });
  };
  const subscription = graph.onDidChange((change) => {
    if (loaded) apply(change);
    else early.push(change);
  });
  const [entities, relations] = await Promise.all([graph.entities(), graph.relations()]);
  source.put({
    entities: entities.filter(drawn).map(toEntity),
    relations: relations.map(toRelation),
  });
  loaded = true;
  for (const change of early.splice(0)) apply(change);
  return Object.assign(source, { dispose: () => subscription.dispose() });
}

/**
 * The graph on a past date for the time bar, from the API's `graph.at`: in the web app the
 * server's history, so what was deleted since comes back (as the view's red ghosts); where the
 * host keeps no history, what was created by then.
 */
export function apiGraphAt(graph: GraphApi): GraphAtDate {
  return async (date) => {
    const past = await graph.at(date.toISOString());
    return {
      entities: past.entities.filter(drawn).map(toEntity),
      relations: past.relations.map(toRelation),
    };
  };
}
