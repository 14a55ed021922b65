import { type FlatValue, flattenEntity, flattenRelation } from './flatAttributes.ts';
import type { PortableGraph } from './portableGraph.ts';

/** Where an entity sits and how it looks in a drawing, carried as GEXF's `viz` data. */
export interface NodeLook {
  x?: number;
  y?: number;
  colour?: string;
  size?: number;
}

/** Options of {@link exportGexf}. */
export interface GexfExportOptions {
  /**
   * Writes GEXF's dynamic mode: each entity and relation `start`s when it was made (and an
   * entity `end`s when it ended), so Gephi's timeline replays how the community grew.
   */
  dynamic?: boolean;
  /** Positions and colours, e.g. from the graph view. */
  looks?: ReadonlyMap<string, NodeLook>;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
const NEEDS_ESCAPE = /[&<>"'\r\n\t]/;
/**
 * XML attribute text: the five entities, and line breaks kept as character references. Most
 * values need none, and testing first spares a new string for each (the export's hot path).
 */
const esc = (value: string) =>
  NEEDS_ESCAPE.test(value) ? value.replace(/[&<>"'\r\n\t]/g, (c) => ESCAPES[c] as string) : value;

const gexfType = (value: FlatValue) =>
  typeof value === 'boolean'
    ? 'boolean'
    : typeof value === 'number'
      ? Number.isInteger(value)
        ? 'long'
        : 'double'
      : 'string';

/** The attribute model of one class: each name's GEXF type, widened to string when values differ. */
function model(rows: readonly Record<string, FlatValue>[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const row of rows)
    for (const [name, value] of Object.entries(row)) {
      const type = gexfType(value);
      const known = types.get(name);
      if (known === undefined) types.set(name, type);
      else if (known !== type)
        types.set(
          name,
          known === 'long' && type === 'double'
            ? 'double'
            : known === 'double' && type === 'long'
              ? 'double'
              : 'string',
        );
    }
  return types;
}

function declare(out: string[], cls: 'node' | 'edge', types: Map<string, string>): void {
  if (types.size === 0) return;
  out.push(`    <attributes class="${cls}">`);
  for (const [name, type] of types)
    out.push(`      <attribute id="${esc(name)}" title="${esc(name)}" type="${type}"/>`);
  out.push('    </attributes>');
}

/** A row's `<attvalues>` as one string: one allocation per element, not one per line. */
function attvalues(row: Record<string, FlatValue>, indent: string): string {
  let text = '';
  for (const name in row)
    text += `\n${indent}  <attvalue for="${esc(name)}" value="${esc(String(row[name]))}"/>`;
  return text === '' ? '' : `\n${indent}<attvalues>${text}\n${indent}</attvalues>`;
}

const isoCache = new Map<number, string>();
/** Many items share a date (a meeting's attendance, an import): format each date once. */
function iso(ms: number): string {
  let text = isoCache.get(ms);
  if (text === undefined) {
    if (isoCache.size > 100_000) isoCache.clear();
    text = new Date(ms).toISOString();
    isoCache.set(ms, text);
  }
  return text;
}

function hexColour(colour: string): { r: number; g: number; b: number } | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m
    ? {
        r: Number.parseInt(m[1] as string, 16),
        g: Number.parseInt(m[2] as string, 16),
        b: Number.parseInt(m[3] as string, 16),
      }
    : undefined;
}

/**
 * Writes GEXF 1.3 (Gephi's format): kinds, fields and dates as node attributes, relation types as
 * edge kinds and labels, positions and colours as `viz`, and with `dynamic` each entity's and
 * relation's date as its `start`, so Gephi's timeline replays the community's growth. Written as
 * one pass of strings: graphology-gexf's writer took minutes at 100k entities (see the interop
 * benchmark); its parser reads what this writes (tested).
 */
export function exportGexf(graph: PortableGraph, options: GexfExportOptions = {}): string {
  const ids = new Set(graph.entities.map((e) => e.id));
  const nodes = graph.entities.map((e) => flattenEntity(e));
  const relations = graph.relations.filter((r) => ids.has(r.from) && ids.has(r.to));
  const edges = relations.map((r) => flattenRelation(r));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <meta><creator>Repertoire</creator></meta>',
    `  <graph defaultedgetype="directed"${options.dynamic ? ' mode="dynamic" timeformat="datetime"' : ''}>`,
  ];
  declare(out, 'node', model(nodes));
  declare(out, 'edge', model(edges));
  out.push('    <nodes>');
  graph.entities.forEach((entity, i) => {
    const dates = options.dynamic
      ? `${entity.createdAt !== undefined ? ` start="${iso(entity.createdAt)}"` : ''}${entity.endedAt !== undefined ? ` end="${iso(entity.endedAt)}"` : ''}`
      : '';
    out.push(
      `      <node id="${esc(entity.id)}" label="${esc(entity.title)}"${dates}>${attvalues(nodes[i] as Record<string, FlatValue>, '        ')}`,
    );
    const look = options.looks?.get(entity.id);
    if (look) {
      const rgb = look.colour ? hexColour(look.colour) : undefined;
      if (rgb) out.push(`        <viz:color r="${rgb.r}" g="${rgb.g}" b="${rgb.b}"/>`);
      if (look.size !== undefined) out.push(`        <viz:size value="${look.size}"/>`);
      if (look.x !== undefined || look.y !== undefined)
        out.push(`        <viz:position x="${look.x ?? 0}" y="${look.y ?? 0}" z="0"/>`);
    }
    out.push('      </node>');
  });
  out.push('    </nodes>', '    <edges>');
  relations.forEach((r, i) => {
    const key = `${r.from}|${r.type}|${r.to}`;
    const start =
      options.dynamic && r.createdAt !== undefined ? ` start="${iso(r.createdAt)}"` : '';
    const values = attvalues(edges[i] as Record<string, FlatValue>, '        ');
    out.push(
      `      <edge id="${esc(key)}" source="${esc(r.from)}" target="${esc(r.to)}" kind="${esc(r.type)}" label="${esc(r.type)}"${start}>${values}\n      </edge>`,
    );
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
