import { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import type { AbstractGraph } from 'graphology-types';
import { keepValid } from './entityChecks.ts';
import { type KindMapping, unflattenEntity, unflattenRelation } from './flatAttributes.ts';
import { ImportFormatError, type ImportResult } from './importResult.ts';
import type { PortableEntity, PortableRelation } from './portableGraph.ts';
import { shieldReservedIds, unshield } from './reservedKeys.ts';
import { elements, parseXml, rootName } from './xml.ts';

/** Options of {@link importGexf} and {@link importGraphml}. */
export interface GraphFileImportOptions {
  /** How node types become kinds. */
  kinds?: KindMapping;
  /** The relation type of an edge that names none. */
  defaultRelationType?: string;
}

const timeOf = (value: string | null) => {
  if (!value) return undefined;
  // GEXF dates may be years or plain numbers in "double" time format; keep real dates only.
  const ms = /^\d{4}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
};

/**
 * Reads GEXF (1.1–1.3, from Gephi, Kumu or graphology) with graphology's parser. Node attributes
 * become fields, a node type becomes a kind through the mapping, and dynamic `start`/`end`
 * become the entity's dates so the time slider replays them.
 */
export function importGexf(text: string, options: GraphFileImportOptions = {}): ImportResult {
  const doc = parseXml(text, 'GEXF');
  if (rootName(doc) !== 'gexf')
    throw new ImportFormatError(`is not GEXF: its root element is <${rootName(doc)}>, not <gexf>`, {
      line: 1,
    });
  let g: MultiGraph;
  try {
    g = parse(MultiGraph, shieldReservedIds(doc, text), {
      allowUndeclaredAttributes: true,
      addMissingNodes: false,
    }) as MultiGraph;
  } catch (error) {
    throw new ImportFormatError(
      `is not readable GEXF (${String((error as Error).message).replace(/^graphology-gexf\/parser: /, '')})`,
    );
  }
  const starts = new Map<string, { start?: number; end?: number }>();
  for (const node of elements(doc, 'node')) {
    const start = timeOf(node.getAttribute('start'));
    const end = timeOf(node.getAttribute('end'));
    starts.set(unshield(node.getAttribute('id') ?? ''), {
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
    });
  }
  const edgeStarts = new Map<string, number>();
  for (const edge of elements(doc, 'edge')) {
    const start = timeOf(edge.getAttribute('start'));
    if (start !== undefined) edgeStarts.set(edge.getAttribute('id') ?? '', start);
  }
  return fromGraphology(
    g,
    options,
    (id, entity) => {
      const dates = starts.get(id);
      if (dates?.start !== undefined && entity.createdAt === undefined)
        entity.createdAt = dates.start;
      if (dates?.end !== undefined && entity.endedAt === undefined) entity.endedAt = dates.end;
    },
    (id, relation) => {
      const start = edgeStarts.get(id);
      if (start !== undefined && relation.createdAt === undefined) relation.createdAt = start;
    },
  );
}

/** A graphology graph parsed from a file, as an import. Shared by GEXF and GraphML. */
export function fromGraphology(
  g: AbstractGraph,
  options: GraphFileImportOptions,
  onEntity: (id: string, entity: PortableEntity) => void = () => {},
  onRelation: (id: string, relation: PortableRelation) => void = () => {},
): ImportResult {
  const issues: ImportResult['issues'] = [];
  const entities: PortableEntity[] = [];
  g.forEachNode((key, attributes) => {
    const id = unshield(key);
    const title =
      typeof attributes.label === 'string' && attributes.label !== '' ? attributes.label : id;
    const entity = unflattenEntity(id, title, attributes, options.kinds);
    onEntity(id, entity);
    if (entity.kind === '')
      issues.push({
        message: `node '${id}' has no kind; map its type to a kind or choose a default`,
      });
    else entities.push(entity);
  });
  const relations: PortableRelation[] = [];
  g.forEachEdge((id, attributes, source, target) => {
    const relation = unflattenRelation(
      unshield(source),
      unshield(target),
      attributes,
      options.defaultRelationType ?? 'related-to',
    );
    onRelation(id, relation);
    relations.push(relation);
  });
  const graph = keepValid({ entities, relations }, (message) => issues.push({ message }));
  return { graph, issues, unresolved: [], embeds: 0 };
}
