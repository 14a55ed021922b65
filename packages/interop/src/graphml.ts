import { DOMImplementation, type Element } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { type FlatValue, flattenEntity, flattenRelation } from './flatAttributes.ts';
import { fromGraphology, type GraphFileImportOptions } from './gexf.ts';

import { ImportFormatError, type ImportResult } from './importResult.ts';
import type { PortableGraph } from './portableGraph.ts';
import { shieldReservedIds } from './reservedKeys.ts';
import { parseXml, rootName, serializeXml } from './xml.ts';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

type KeyFor = 'node' | 'edge';

const graphmlType = (value: FlatValue) =>
  typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'double' : 'string';

/**
 * Writes GraphML (yEd, Cytoscape desktop, NetworkX, graphology read it): one `<key>` per
 * attribute with its type, the entity's title as `label`, kinds, fields and dates as data.
 * graphology-graphml only parses, so the document is built with xmldom's DOM.
 */
export function exportGraphml(graph: PortableGraph): string {
  const doc = new DOMImplementation().createDocument(GRAPHML_NS, 'graphml', null);
  const root = doc.documentElement as Element;
  const keys = new Map<string, string>();
  const nodes = graph.entities.map((e) => ({
    id: e.id,
    data: { label: e.title, ...flattenEntity(e) },
  }));
  const edges = graph.relations.map((r) => ({ relation: r, data: flattenRelation(r) }));
  const declare = (kind: KeyFor, data: Record<string, FlatValue>) => {
    for (const [name, value] of Object.entries(data)) {
      const key = `${kind}:${name}`;
      if (keys.has(key)) continue;
      const id = `${kind === 'node' ? 'n' : 'e'}${keys.size}`;
      keys.set(key, id);
      const element = doc.createElementNS(GRAPHML_NS, 'key');
      element.setAttribute('id', id);
      element.setAttribute('for', kind);
      element.setAttribute('attr.name', name);
      element.setAttribute('attr.type', graphmlType(value));
      root.appendChild(element);
    }
  };
  for (const node of nodes) declare('node', node.data);
  for (const edge of edges) declare('edge', edge.data);
  const graphElement = doc.createElementNS(GRAPHML_NS, 'graph');
  graphElement.setAttribute('id', 'repertoire');
  graphElement.setAttribute('edgedefault', 'directed');
  root.appendChild(graphElement);
  const addData = (parent: Element, kind: KeyFor, data: Record<string, FlatValue>) => {
    for (const [name, value] of Object.entries(data)) {
      const element = doc.createElementNS(GRAPHML_NS, 'data');
      element.setAttribute('key', keys.get(`${kind}:${name}`) ?? '');
      element.appendChild(doc.createTextNode(String(value)));
      parent.appendChild(element);
    }
  };
  for (const node of nodes) {
    const element = doc.createElementNS(GRAPHML_NS, 'node');
    element.setAttribute('id', node.id);
    addData(element, 'node', node.data);
    graphElement.appendChild(element);
  }
  for (const { relation, data } of edges) {
    const element = doc.createElementNS(GRAPHML_NS, 'edge');
    element.setAttribute('id', `${relation.from}|${relation.type}|${relation.to}`);
    element.setAttribute('source', relation.from);
    element.setAttribute('target', relation.to);
    addData(element, 'edge', data);
    graphElement.appendChild(element);
  }
  return serializeXml(doc);
}

/**
 * Reads GraphML with graphology's parser. Data keys become fields (a `label` key the title), a
 * node type becomes a kind through the mapping.
 */
export function importGraphml(text: string, options: GraphFileImportOptions = {}): ImportResult {
  const doc = parseXml(text, 'GraphML');
  if (rootName(doc) !== 'graphml')
    throw new ImportFormatError(
      `is not GraphML: its root element is <${rootName(doc)}>, not <graphml>`,
      { line: 1 },
    );
  let g: MultiDirectedGraph;
  try {
    g = parse(MultiDirectedGraph, shieldReservedIds(doc, text), {
      addMissingNodes: false,
    }) as MultiDirectedGraph;
  } catch (error) {
    throw new ImportFormatError(
      `is not readable GraphML (${String((error as Error).message).replace(/^graphology-\w+\/parser: /, '')})`,
    );
  }
  return fromGraphology(g, options);
}
