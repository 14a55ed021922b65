import {
  type CanvasPlacement,
  exportCanvas,
  exportCsv,
  exportGexf,
  exportGraphml,
  exportJson,
  exportVault,
  type PortableGraph,
  writeZip,
} from '@repertoire/interop';
import type { EntityKindInfo, GraphApi } from '@repertoire/plugin-api';
import { canvasGroups } from './canvasGroups.ts';
import { type ViewPosition, viewPlacements } from './viewPlacements.ts';

/** The formats this plugin exports to. */
export type ExportFormat = 'gexf' | 'graphml' | 'csv' | 'vault' | 'canvas' | 'json';

/** A file to offer for download. */
export interface ExportFile {
  name: string;
  data: string | Uint8Array;
  mimeType: string;
}

const ms = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
};

/** The whole graph as plain data, read through the plugin API. */
export async function readGraph(graph: GraphApi): Promise<PortableGraph> {
  const [entities, relations] = await Promise.all([graph.entities(), graph.relations()]);
  return {
    entities: entities.map((e) => {
      const createdAt = ms(e.createdAt);
      const updatedAt = ms(e.updatedAt);
      return {
        id: e.id,
        kind: e.kind,
        title: e.title,
        fields: e.fields as PortableGraph['entities'][number]['fields'],
        createdBy: e.createdBy,
        updatedBy: e.updatedBy,
        ...(createdAt !== undefined ? { createdAt } : {}),
        ...(updatedAt !== undefined ? { updatedAt } : {}),
      };
    }),
    relations: relations.map((r) => {
      const createdAt = ms(r.createdAt);
      return {
        from: r.from,
        type: r.type,
        to: r.to,
        attributes: r.attributes as PortableGraph['relations'][number]['attributes'],
        createdBy: r.createdBy,
        ...(createdAt !== undefined ? { createdAt } : {}),
      };
    }),
  };
}

/** A tidy canvas where the view placed nothing: a column per kind, in the kinds' colours. */
function columnsByKind(
  graph: PortableGraph,
  kinds: readonly EntityKindInfo[],
): Map<string, CanvasPlacement> {
  const order = kinds.map((k) => k.kind);
  const colour = new Map(kinds.map((k) => [k.kind, k.colour]));
  const rows = new Map<string, number>();
  const placements = new Map<string, CanvasPlacement>();
  for (const e of [...graph.entities].sort((a, b) =>
    a.title.localeCompare(b.title, undefined, { numeric: true }),
  )) {
    const column = order.includes(e.kind) ? order.indexOf(e.kind) : order.length;
    const row = rows.get(e.kind) ?? 0;
    rows.set(e.kind, row + 1);
    const c = colour.get(e.kind);
    placements.set(e.id, {
      x: column * 320,
      y: row * 120,
      ...(c?.startsWith('#') ? { colour: c } : {}),
    });
  }
  return placements;
}

/** Writes the graph in a format, as the file to download. */
export function exportFile(
  format: ExportFormat,
  graph: PortableGraph,
  kinds: readonly EntityKindInfo[],
  name: string,
  viewPositions: Readonly<Record<string, ViewPosition>> = {},
): ExportFile {
  const folder = (kind: string) => kinds.find((k) => k.kind === kind)?.pluralLabel ?? kind;
  switch (format) {
    case 'gexf':
      return {
        name: `${name}.gexf`,
        data: exportGexf(graph, { dynamic: true }),
        mimeType: 'application/gexf+xml',
      };
    case 'graphml':
      return {
        name: `${name}.graphml`,
        data: exportGraphml(graph),
        mimeType: 'application/graphml+xml',
      };
    case 'csv': {
      const csv = exportCsv(graph);
      return {
        name: `${name}-csv.zip`,
        data: writeZip([
          { path: 'entities.csv', text: csv.entities },
          { path: 'relations.csv', text: csv.relations },
        ]),
        mimeType: 'application/zip',
      };
    }
    case 'vault':
      return {
        name: `${name}-vault.zip`,
        data: writeZip(exportVault(graph, { folder })),
        mimeType: 'application/zip',
      };
    case 'canvas':
      return {
        name: `${name}.canvas`,
        data: exportCanvas(graph, {
          placements: viewPlacements(viewPositions, columnsByKind(graph, kinds)),
          groups: canvasGroups(graph, kinds),
        }),
        mimeType: 'application/json',
      };
    case 'json':
      return { name: `${name}.json`, data: exportJson(graph), mimeType: 'application/json' };
  }
}
