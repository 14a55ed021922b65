import { z } from 'zod';

/**
 * A value an entity's field may hold, as the schema stores it: text, a number, a yes/no, or a
 * list of texts.
 */
export type PortableFieldValue = string | number | boolean | string[];

/** A value a relation's attribute may hold. */
export type PortableAttributeValue = string | number | boolean | null;

/**
 * One entity as it travels between Repertoire and other tools. `id` is the entity's id in the
 * source (a note's path, a node's GEXF id, a spreadsheet row's key): relations refer to it, and a
 * re-import matches on it. Dates are milliseconds since the epoch, as the graph stores them.
 */
export interface PortableEntity {
  id: string;
  kind: string;
  title: string;
  fields: Record<string, PortableFieldValue>;
  /** The text of its co-edited document, as Markdown, when the format carries one. */
  document?: string;
  createdAt?: number;
  updatedAt?: number;
  createdBy?: string;
  updatedBy?: string;
  /** When it stopped existing in the source (a GEXF node's `end`); informational. */
  endedAt?: number;
}

/** One typed, directed relation between two entities of the same portable graph. */
export interface PortableRelation {
  from: string;
  type: string;
  to: string;
  attributes: Record<string, PortableAttributeValue>;
  createdAt?: number;
  createdBy?: string;
}

/** A community's knowledge as plain data: what every importer produces and every exporter reads. */
export interface PortableGraph {
  entities: PortableEntity[];
  relations: PortableRelation[];
}

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const time = z.number().int().nonnegative();

/** The zod schema of {@link PortableEntity}. */
export const portableEntitySchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  title: z.string(),
  fields: z.record(z.string(), fieldValue),
  document: z.string().optional(),
  createdAt: time.optional(),
  updatedAt: time.optional(),
  createdBy: z.string().optional(),
  updatedBy: z.string().optional(),
  endedAt: time.optional(),
});

/** The zod schema of {@link PortableRelation}. */
export const portableRelationSchema = z.object({
  from: z.string().min(1),
  type: z.string().min(1),
  to: z.string().min(1),
  attributes: z.record(z.string(), attributeValue),
  createdAt: time.optional(),
  createdBy: z.string().optional(),
});

/** The zod schema of {@link PortableGraph}. */
export const portableGraphSchema = z.object({
  entities: z.array(portableEntitySchema),
  relations: z.array(portableRelationSchema),
});

/** The key that identifies a relation: the same link made twice is one relation. */
export function relationKey(relation: Pick<PortableRelation, 'from' | 'type' | 'to'>): string {
  return `${relation.from}|${relation.type}|${relation.to}`;
}
