import type { PortableEntity, PortableGraph, PortableRelation } from './portableGraph.ts';
import { relationKey } from './portableGraph.ts';

/** The longest title the graph accepts (the schema's `titleSchema`). */
export const MAX_TITLE_LENGTH = 500;

// A built-in's short name, or a plugin's qualified one (`acme.reading-circle/reading`): the
// schema's pattern (packages/schema/src/kindName.ts), which this library does not depend on.
const KIND_NAME = /^([a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+\/)?[a-z][a-zA-Z0-9-]*$/;

/** Why an entity cannot enter the graph as it is, or undefined when it can. */
export function entityProblem(entity: PortableEntity): string | undefined {
  const title = entity.title.trim();
  if (title.length === 0) return 'has no title';
  if (title.length > MAX_TITLE_LENGTH)
    return `has a title of ${title.length} characters (at most ${MAX_TITLE_LENGTH})`;
  if (/[\n\r]/.test(title)) return 'has a title of more than one line';
  if (!KIND_NAME.test(entity.kind))
    return `has the kind '${entity.kind}', which is not a kind name (lower-case letters, digits, -, after an optional plugin id and /)`;
  return undefined;
}

/** Why a relation cannot enter the graph, or undefined when it can. */
export function relationProblem(relation: PortableRelation, ids: Set<string>): string | undefined {
  if (!KIND_NAME.test(relation.type))
    return `has the type '${relation.type}', which is not a relation type name`;
  if (!ids.has(relation.from)) return `starts at '${relation.from}', which is not imported`;
  if (!ids.has(relation.to)) return `points to '${relation.to}', which is not imported`;
  return undefined;
}

/**
 * Keeps the entities and relations that can enter the graph and reports the others: an entity
 * with a duplicate id or a bad title, a relation with a missing end. Relations are also
 * de-duplicated by `from|type|to`, as the graph keys them.
 */
export function keepValid(
  graph: PortableGraph,
  report: (message: string, at: { entity?: string; index: number }) => void,
): PortableGraph {
  const entities: PortableEntity[] = [];
  const ids = new Set<string>();
  graph.entities.forEach((entity, index) => {
    const problem = ids.has(entity.id)
      ? 'has the same id as an earlier one'
      : entityProblem(entity);
    if (problem) report(`'${entity.id}' ${problem}`, { entity: entity.id, index });
    else {
      ids.add(entity.id);
      entities.push({ ...entity, title: entity.title.trim() });
    }
  });
  const seen = new Set<string>();
  const relations: PortableRelation[] = [];
  graph.relations.forEach((relation, index) => {
    const problem = relationProblem(relation, ids);
    if (problem) report(`relation ${relationKey(relation)} ${problem}`, { index });
    else if (!seen.has(relationKey(relation))) {
      seen.add(relationKey(relation));
      relations.push(relation);
    }
  });
  return { entities, relations };
}
