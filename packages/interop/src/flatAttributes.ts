import type { PortableEntity, PortableFieldValue, PortableRelation } from './portableGraph.ts';

/**
 * How an entity becomes the flat attributes of a graph file's node (GEXF, GraphML) and back.
 * Fields get a `field.` prefix so they never collide with what Gephi or yEd add; list fields are
 * JSON text under `fieldlist.`, since GraphML has no list type.
 */
export type FlatValue = string | number | boolean;

const FIELD = 'field.';
const LIST = 'fieldlist.';
const ATTRIBUTE = 'attribute.';

/** Attributes drawing tools keep on nodes, which are not facts of the community. */
const DRAWING = new Set(['x', 'y', 'z', 'size', 'color', 'shape', 'thickness', 'label', 'weight']);
const OWN = new Set([
  'kind',
  'createdAt',
  'updatedAt',
  'endedAt',
  'createdBy',
  'updatedBy',
  'document',
  'sourceId',
]);

const iso = (ms: number) => new Date(ms).toISOString();

/** An entity as flat node attributes (the title travels as the node's label). */
export function flattenEntity(entity: PortableEntity): Record<string, FlatValue> {
  const out: Record<string, FlatValue> = { kind: entity.kind };
  if (entity.createdAt !== undefined) out.createdAt = iso(entity.createdAt);
  if (entity.updatedAt !== undefined) out.updatedAt = iso(entity.updatedAt);
  if (entity.endedAt !== undefined) out.endedAt = iso(entity.endedAt);
  if (entity.createdBy !== undefined) out.createdBy = entity.createdBy;
  if (entity.updatedBy !== undefined) out.updatedBy = entity.updatedBy;
  if (entity.document !== undefined) out.document = entity.document;
  for (const [name, value] of Object.entries(entity.fields)) {
    if (Array.isArray(value)) out[`${LIST}${name}`] = JSON.stringify(value);
    else out[`${FIELD}${name}`] = value;
  }
  return out;
}

/** What a node's kind is, when the file says it some other way (a Kumu "Element Type"). */
export interface KindMapping {
  /** The node attribute naming the kind; `kind` by default. */
  attribute?: string;
  /** Values of that attribute → Repertoire kinds ("Person" → "member"). */
  values?: Record<string, string>;
  /** The kind of a node that names none. */
  fallback?: string;
}

const timeOf = (value: unknown) => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? Math.trunc(ms) : undefined;
};

/** "Modularity Class" → "modularityClass": a foreign attribute's name as a field name. */
export function asFieldName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const joined = words
    .map((w, i) =>
      i === 0 ? w.toLowerCase() : `${w[0]?.toUpperCase()}${w.slice(1).toLowerCase()}`,
    )
    .join('');
  return /^[a-z]/.test(joined) ? joined : '';
}

function listOf(text: unknown): string[] | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A node's flat attributes back as an entity; foreign attributes become fields. */
export function unflattenEntity(
  id: string,
  title: string,
  attributes: Record<string, unknown>,
  kinds: KindMapping = {},
): PortableEntity {
  const kindAttribute = kinds.attribute ?? 'kind';
  const named = attributes[kindAttribute];
  const kind =
    typeof named === 'string' && named !== ''
      ? (kinds.values?.[named] ?? named)
      : (kinds.fallback ?? '');
  const fields: Record<string, PortableFieldValue> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === '') continue;
    if (name.startsWith(LIST)) {
      const list = listOf(value);
      if (list) fields[name.slice(LIST.length)] = list;
    } else if (name.startsWith(FIELD)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        fields[name.slice(FIELD.length)] = value;
    } else if (!OWN.has(name) && !DRAWING.has(name) && name !== kindAttribute) {
      const field = asFieldName(name);
      if (
        field &&
        (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      )
        fields[field] = value;
    }
  }
  const entity: PortableEntity = { id, kind, title, fields };
  const createdAt = timeOf(attributes.createdAt);
  const updatedAt = timeOf(attributes.updatedAt);
  const endedAt = timeOf(attributes.endedAt);
  if (createdAt !== undefined) entity.createdAt = createdAt;
  if (updatedAt !== undefined) entity.updatedAt = updatedAt;
  if (endedAt !== undefined) entity.endedAt = endedAt;
  if (typeof attributes.createdBy === 'string') entity.createdBy = attributes.createdBy;
  if (typeof attributes.updatedBy === 'string') entity.updatedBy = attributes.updatedBy;
  if (typeof attributes.document === 'string') entity.document = attributes.document;
  return entity;
}

/** A relation as flat edge attributes (its type travels as the edge's label/kind too). */
export function flattenRelation(relation: PortableRelation): Record<string, FlatValue> {
  const out: Record<string, FlatValue> = { type: relation.type };
  if (relation.createdAt !== undefined) out.createdAt = iso(relation.createdAt);
  if (relation.createdBy !== undefined) out.createdBy = relation.createdBy;
  for (const [name, value] of Object.entries(relation.attributes))
    if (value !== null) out[`${ATTRIBUTE}${name}`] = value;
  return out;
}

/** An edge's flat attributes back as a relation. */
export function unflattenRelation(
  from: string,
  to: string,
  attributes: Record<string, unknown>,
  fallbackType: string,
): PortableRelation {
  const named = attributes.type ?? attributes.kind ?? attributes.label;
  const type = typeof named === 'string' && named !== '' ? named : fallbackType;
  const relation: PortableRelation = { from, type, to, attributes: {} };
  for (const [name, value] of Object.entries(attributes))
    if (
      name.startsWith(ATTRIBUTE) &&
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    )
      relation.attributes[name.slice(ATTRIBUTE.length)] = value;
  const createdAt = timeOf(attributes.createdAt);
  if (createdAt !== undefined) relation.createdAt = createdAt;
  if (typeof attributes.createdBy === 'string') relation.createdBy = attributes.createdBy;
  return relation;
}
