import { graphMaps, type KindRegistry } from '@repertoire/core';
import * as Y from 'yjs';
import { auditGraph, type GraphProblem } from './graphUpdateCheck.ts';

/** One problem a repair found, and whether it removed the value. */
export interface GraphRepairItem extends GraphProblem {
  /**
   * False for what removing cannot fix: a required field that is missing, or a problem in the
   * migrated fields of an entity stored at an older version of its kind (owners upgrade those
   * from the workbench, where the core writes the migration).
   */
  removed: boolean;
}

/**
 * Removes from a graph document everything the server would refuse in an update (see
 * `auditGraph`): an entity slot that holds no valid entity goes whole; a bad title, stamp or field
 * of an otherwise valid entity goes alone; bad relations and settings go; a shared type the graph
 * should not have is emptied. One transaction; with `dryRun` nothing changes. Returns every
 * problem, saying which were removed.
 */
export function repairGraphDocument(
  doc: Y.Doc,
  kinds: KindRegistry,
  options: { dryRun?: boolean } = {},
): GraphRepairItem[] {
  const problems = auditGraph(doc, kinds);
  const items: GraphRepairItem[] = problems.map((p) => ({
    ...p,
    removed: !(p.outdated || (p.field && p.reason.endsWith('is required'))),
  }));
  if (options.dryRun) return items;
  const { entities, relations, settings } = graphMaps(doc);
  doc.transact(() => {
    for (const item of items) {
      if (!item.removed) continue;
      if (item.map === 'document') emptyRootType(doc, item.key);
      else if (item.map === 'entities' && item.field) {
        const map = entities.get(item.key);
        if (map instanceof Y.Map) map.delete(item.field);
      } else if (item.map === 'entities') entities.delete(item.key);
      else if (item.map === 'relations') relations.delete(item.key);
      else settings.delete(item.key);
    }
  });
  return items;
}

// A root type read from storage is untyped until asked for: its keys are a map's, its list an array's.
function emptyRootType(doc: Y.Doc, name: string): void {
  const type = doc.share.get(name);
  if (!type) return;
  if (type._map.size > 0) {
    const map = doc.getMap(name);
    for (const key of [...map.keys()]) map.delete(key);
  }
  if (type._start !== null) {
    const array = doc.getArray(name);
    array.delete(0, array.length);
  }
}
