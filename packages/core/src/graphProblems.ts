import { parseRelationId } from '@repertoire/schema';
import * as Y from 'yjs';
import { graphMaps, isStamp } from './graphDoc.ts';

/**
 * A value in a graph document that no reader can use: an entity slot that is not an entity map,
 * or a relation that is not a `{by, at}` record under a `from|type|to` key. Readers skip it and
 * report it here; {@link repairGraph} removes it.
 */
export interface InvalidGraphValue {
  /** Which map of the graph document holds it. */
  readonly map: 'entities' | 'relations';
  /** Its key in that map (an entity id, or a relation's `from|type|to`). */
  readonly key: string;
  /** Why it is unusable, in words an owner can act on. */
  readonly reason: string;
}

/** A short description of what a value is, for reports (`a string`, `null`, `a Y.Array`). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (value instanceof Y.AbstractType) return `a ${value.constructor.name.replace(/^_?Y/, 'Y.')}`;
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Why the value under entity key `key` is unusable, or `undefined` when a reader can use it. */
export function entityValueProblem(value: unknown): string | undefined {
  if (!(value instanceof Y.Map)) return `holds ${describeValue(value)}, not an entity`;
  if (typeof value.get('kind') !== 'string') return 'has no kind';
  return undefined;
}

/** Why the value under relation key `key` is unusable, or `undefined` when a reader can use it. */
export function relationValueProblem(key: string, value: unknown): string | undefined {
  if (!parseRelationId(key)) return 'its key is not from|type|to';
  if (!isStamp(value)) return `holds ${describeValue(value)}, not a relation`;
  return undefined;
}

/** Every unusable value in a graph document (see {@link InvalidGraphValue}). */
export function findInvalidGraphValues(doc: Y.Doc): InvalidGraphValue[] {
  const { entities, relations } = graphMaps(doc);
  const out: InvalidGraphValue[] = [];
  for (const [key, value] of entities.entries() as IterableIterator<[string, unknown]>) {
    const reason = entityValueProblem(value);
    if (reason) out.push({ map: 'entities', key, reason });
  }
  for (const [key, value] of relations.entries() as IterableIterator<[string, unknown]>) {
    const reason = relationValueProblem(key, value);
    if (reason) out.push({ map: 'relations', key, reason });
  }
  return out;
}

/**
 * Removes every unusable value of a graph document in one transaction (with `origin`) and says
 * what it removed. Valid entities and relations are untouched.
 */
export function repairGraph(doc: Y.Doc, origin?: unknown): InvalidGraphValue[] {
  const invalid = findInvalidGraphValues(doc);
  if (invalid.length === 0) return invalid;
  const { entities, relations } = graphMaps(doc);
  doc.transact(() => {
    for (const value of invalid)
      (value.map === 'entities' ? entities : relations).delete(value.key);
  }, origin);
  return invalid;
}
