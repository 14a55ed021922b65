import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { exportCanvas } from './canvas.ts';
import { exportCsv, importCsv, importCsvExport, previewCsv, suggestCsvMapping } from './csv.ts';
import { importGexf } from './gexf.ts';
import { exportGexf } from './gexfWriter.ts';
import { exportGraphml, importGraphml } from './graphml.ts';
import { ImportFormatError, importCounts } from './importResult.ts';
import { exportJson, importJson } from './json.ts';
import type { PortableGraph } from './portableGraph.ts';
import { entityIdFor } from './sourceIds.ts';
import { decodeUtf8 } from './sourceText.ts';

const COMMUNITY: PortableGraph = {
  entities: [
    {
      id: 'ana',
      kind: 'member',
      title: 'Ana Lopez',
      fields: { role: 'facilitator', expertise: ['LMS', 'Spanish'] },
      createdAt: Date.parse('2025-02-03T15:30:00Z'),
    },
    {
      id: 'ben',
      kind: 'member',
      title: 'Ben "BJ" Ng',
      fields: { role: 'member' },
      createdAt: Date.parse('2025-03-03T15:30:00Z'),
    },
    {
      id: 'obs',
      kind: 'practice',
      title: 'Peer observation',
      fields: { status: 'emerging' },
      document: '# Why\nIt works.',
    },
  ],
  relations: [
    {
      from: 'ana',
      type: 'mentors',
      to: 'ben',
      attributes: { since: '2025-03' },
      createdAt: Date.parse('2025-03-10T00:00:00Z'),
    },
    { from: 'ana', type: 'practises', to: 'obs', attributes: {} },
    { from: 'ben', type: 'practises', to: 'obs', attributes: {} },
  ],
};

describe('CSV', () => {
  const sheet = [
    'Name,Role,School,Mentor,Years',
    'Ana Lopez,facilitator,Hillside,,12',
    '"Ben ""BJ"" Ng",member,Hillside,Ana Lopez,3',
    'Chloé Martin,member,Riverside,Ana Lopez; Nobody Here,x',
  ].join('\n');

  it('previews the columns and first rows, and guesses a mapping from the header', () => {
    const preview = previewCsv(sheet, 2);
    expect(preview.columns).toEqual(['Name', 'Role', 'School', 'Mentor', 'Years']);
    expect(preview.rows).toHaveLength(2);
    expect(preview.rowCount).toBe(3);
    expect(suggestCsvMapping(preview.columns)).toMatchObject({
      titleColumn: 'Name',
      kind: { value: 'member' },
      fields: [
        { column: 'Role', field: 'role' },
        { column: 'School', field: 'school' },
        { column: 'Mentor', field: 'mentor' },
        { column: 'Years', field: 'years' },
      ],
    });
  });

  it('maps columns to fields and relations, listing bad cells and unknown names by row', () => {
    const result = importCsv(sheet, {
      titleColumn: 'Name',
      kind: { value: 'member' },
      fields: [
        { column: 'Role', field: 'role' },
        { column: 'School', field: 'school' },
        { column: 'Years', field: 'years', type: 'number' },
      ],
      relations: [{ column: 'Mentor', type: 'mentors', direction: 'in' }],
    });
    expect(result.graph.entities.map((e) => [e.title, e.fields])).toEqual([
      ['Ana Lopez', { role: 'facilitator', school: 'Hillside', years: 12 }],
      ['Ben "BJ" Ng', { role: 'member', school: 'Hillside', years: 3 }],
      ['Chloé Martin', { role: 'member', school: 'Riverside' }],
    ]);
    expect(result.graph.relations.map((r) => `${r.from}|${r.type}|${r.to}`)).toEqual([
      'row-1|mentors|row-2',
      'row-1|mentors|row-3',
    ]);
    expect(result.unresolved).toEqual([{ from: 'row-3', target: 'Nobody Here', row: 3, line: 4 }]);
    expect(result.issues).toEqual([{ row: 3, line: 4, message: "'x' in 'Years' is not a number" }]);
  });

  it('reports a ragged row with its row and line, and leaves it out', () => {
    const ragged = 'Name,Role\nAna,facilitator\n"Ben\nNg",member,extra\nChloé,member\n';
    const result = importCsv(ragged, { titleColumn: 'Name', kind: { value: 'member' } });
    expect(result.issues).toEqual([
      { row: 2, line: 3, message: 'has 3 cells where the header has 2' },
    ]);
    expect(result.graph.entities.map((e) => e.title)).toEqual(['Ana', 'Chloé']);
  });

  it('refuses a sheet in another encoding than UTF-8, saying where', () => {
    const windows1252 = Uint8Array.from([...Buffer.from('Name\nAna\nChlo'), 0xe9, 0x0a]);
    expect(() => decodeUtf8(windows1252, 'members.csv')).toThrow(ImportFormatError);
    expect(() => decodeUtf8(windows1252, 'members.csv')).toThrow(
      /members\.csv, line 3, column 5: is not UTF-8/,
    );
  });

  it('refuses a mapping naming a column the sheet lacks', () => {
    expect(() => importCsv(sheet, { titleColumn: 'Title', kind: { value: 'member' } })).toThrow(
      /no column 'Title'/,
    );
  });

  it('exports two sheets whose typed headers read back exactly', () => {
    const files = exportCsv(COMMUNITY);
    expect(files.entities.split('\r\n')[0]).toBe(
      'id,kind,title,createdAt,updatedAt,field:expertise:list,field:role:string,field:status:string',
    );
    const back = importCsvExport(files).graph;
    expect(back.entities.map((e) => e.fields)).toEqual(COMMUNITY.entities.map((e) => e.fields));
    expect(back.relations).toHaveLength(3);
  });
});

describe('GEXF', () => {
  it('writes GEXF that graphology reads back, with kinds, fields and relation types', () => {
    const g = gexf.parse(MultiGraph, exportGexf(COMMUNITY), { allowUndeclaredAttributes: true });
    expect(g.order).toBe(3);
    expect(g.size).toBe(3);
    expect(g.getNodeAttributes('ana')).toMatchObject({
      label: 'Ana Lopez',
      kind: 'member',
      'field.role': 'facilitator',
    });
    expect(g.getEdgeAttribute('ana|mentors|ben', 'kind')).toBe('mentors');
  });

  it('writes dynamic mode for Gephi’s timeline: each entity starts when it was made', () => {
    const xml = exportGexf(COMMUNITY, { dynamic: true });
    expect(xml).toMatch(/<graph[^>]*mode="dynamic"[^>]*timeformat="datetime"/);
    expect(xml).toMatch(/<node id="ana"[^>]*start="2025-02-03T15:30:00.000Z"/);
    const back = importGexf(xml).graph;
    expect(back.entities.find((e) => e.id === 'ben')?.createdAt).toBe(
      Date.parse('2025-03-03T15:30:00Z'),
    );
  });

  it('imports what graphology’s own writer wrote, node types mapped to kinds', () => {
    const g = new MultiGraph();
    g.addNode('n1', { label: 'Ana', type: 'Person', school: 'Hillside', x: 1, y: 2 });
    g.addNode('n2', { label: 'Peer observation', type: 'Method', 'Modularity Class': 3 });
    g.addEdge('n1', 'n2', { label: 'practises' });
    const result = importGexf(gexf.write(g), {
      kinds: { attribute: 'type', values: { Person: 'member', Method: 'practice' } },
    });
    expect(result.issues).toEqual([]);
    expect(result.graph.entities).toEqual([
      { id: 'n1', kind: 'member', title: 'Ana', fields: { school: 'Hillside' } },
      { id: 'n2', kind: 'practice', title: 'Peer observation', fields: { modularityClass: 3 } },
    ]);
    expect(result.graph.relations).toEqual([
      { from: 'n1', type: 'practises', to: 'n2', attributes: {} },
    ]);
  });

  it('reads start and end dates written by Gephi in dynamic mode', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
    <nodes>
      <node id="a" label="Ana" start="2025-02-03" end="2025-07-01"><attvalues><attvalue for="kind" value="member"/></attvalues></node>
    </nodes>
    <edges/>
  </graph>
</gexf>`;
    const [ana] = importGexf(xml).graph.entities;
    expect(ana?.createdAt).toBe(Date.parse('2025-02-03'));
    expect(ana?.endedAt).toBe(Date.parse('2025-07-01'));
  });

  it('refuses XML that is not GEXF, and broken XML with its line', () => {
    expect(() => importGexf('<svg xmlns="http://www.w3.org/2000/svg"/>')).toThrow(
      /is not GEXF: its root element is <svg>/,
    );
    expect(() => importGexf('<gexf>\n<graph>\n<nodes><node id="a">\n</graph></gexf>')).toThrow(
      /line \d+.*not valid XML/,
    );
    expect(() => importGexf('')).toThrow(/empty/);
  });

  it('reads nodes named __proto__ or toString without touching Object.prototype', () => {
    // Two edges from one node take graphology's multi-edge path, which wrote `previous` into
    // Object.prototype for a node called __proto__ before ids were shielded.
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <nodes>
      <node id="__proto__" label="Proto" start="2025-02-03"><attvalues><attvalue for="kind" value="member"/></attvalues></node>
      <node id="toString" label="Str"><attvalues><attvalue for="kind" value="member"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e1" source="__proto__" target="toString" kind="mentors"/>
      <edge id="e2" source="__proto__" target="toString" kind="coaches"/>
      <edge id="e3" source="toString" target="__proto__" kind="mentors"/>
    </edges>
  </graph>
</gexf>`;
    const result = importGexf(xml);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('previous');
    expect(({} as Record<string, unknown>).next).toBeUndefined();
    expect(result.graph.entities.map((e) => [e.id, e.title])).toEqual([
      ['__proto__', 'Proto'],
      ['toString', 'Str'],
    ]);
    expect(result.graph.entities[0]?.createdAt).toBe(Date.parse('2025-02-03'));
    expect(result.graph.relations.map((r) => `${r.from} ${r.to}`).sort()).toEqual([
      '__proto__ toString',
      '__proto__ toString',
      'toString __proto__',
    ]);
    expect(entityIdFor('__proto__')).toMatch(/^proto-[0-9a-z]{14}$/);
    expect(entityIdFor('constructor')).not.toBe('constructor');
  });

  it('lists a node with no kind instead of guessing one', () => {
    const g = new MultiGraph();
    g.addNode('n1', { label: 'Ana' });
    const result = importGexf(gexf.write(g));
    expect(importCounts(result)).toMatchObject({ entities: 0, errors: 1 });
    expect(result.issues[0]?.message).toMatch(/node 'n1' has no kind/);
  });
});

describe('GraphML', () => {
  it('writes GraphML that graphology reads back', () => {
    const g = graphml.parse(MultiGraph, exportGraphml(COMMUNITY));
    expect(g.order).toBe(3);
    expect(g.size).toBe(3);
    expect(g.getNodeAttributes('ben')).toMatchObject({ label: 'Ben "BJ" Ng', kind: 'member' });
  });

  it('imports a GraphML file written by another tool', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="kind" attr.type="string"/>
  <key id="d2" for="node" attr.name="years" attr.type="int"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">Ana</data><data key="d1">member</data><data key="d2">12</data></node>
    <node id="b"><data key="d0">Ben</data><data key="d1">member</data></node>
    <edge source="a" target="b"/>
  </graph>
</graphml>`;
    const result = importGraphml(xml, { defaultRelationType: 'mentors' });
    expect(result.graph.entities).toEqual([
      { id: 'a', kind: 'member', title: 'Ana', fields: { years: 12 } },
      { id: 'b', kind: 'member', title: 'Ben', fields: {} },
    ]);
    expect(result.graph.relations).toEqual([
      { from: 'a', type: 'mentors', to: 'b', attributes: {} },
    ]);
  });

  it('reads a node named __proto__ without touching Object.prototype', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d1" for="node" attr.name="kind" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="__proto__"><data key="d1">member</data></node>
    <node id="b"><data key="d1">member</data></node>
    <edge source="__proto__" target="b"/>
    <edge source="__proto__" target="b"/>
  </graph>
</graphml>`;
    const result = importGraphml(xml);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('previous');
    expect(result.graph.entities.map((e) => e.id)).toEqual(['__proto__', 'b']);
    expect(result.graph.relations).toHaveLength(1);
  });

  it('refuses a GEXF file given as GraphML', () => {
    expect(() => importGraphml(exportGexf(COMMUNITY))).toThrow(
      /is not GraphML: its root element is <gexf>/,
    );
  });
});

describe('JSON', () => {
  it('refuses text that is not JSON, with the line and column', () => {
    expect(() => importJson('{\n  "format": "repertoire-graph",\n  oops\n}')).toThrow(
      /line 3, column \d+: is not JSON/,
    );
  });

  it('keeps a plugin-qualified kind and relation type, and drops a malformed one', () => {
    const graph: PortableGraph = {
      entities: [
        { id: 'q', kind: 'sample.inquiry-cycle/inquiry', title: 'Who is lost?', fields: {} },
        { id: 'bad', kind: 'sample/inquiry', title: 'Bad', fields: {} },
        ...COMMUNITY.entities,
      ],
      relations: [
        { from: 'q', type: 'sample.inquiry-cycle/tries', to: 'obs', attributes: {} },
        ...COMMUNITY.relations,
      ],
    };
    const result = importJson(exportJson(graph));
    expect(result.graph.entities.map((e) => e.kind)).toContain('sample.inquiry-cycle/inquiry');
    expect(result.graph.entities.map((e) => e.id)).not.toContain('bad');
    expect(result.graph.relations.map((r) => r.type)).toContain('sample.inquiry-cycle/tries');
  });

  it('refuses another JSON format, and keeps every entity and field of its own', () => {
    expect(() => importJson('{"format":"repertoire-workspace"}')).toThrow(/not Repertoire JSON/);
    expect(importJson(exportJson(COMMUNITY)).graph).toEqual(COMMUNITY);
  });
});

describe('JSON Canvas', () => {
  it('places a card per entity at the view’s position, an arrow per relation and a box per group', () => {
    const canvas = JSON.parse(
      exportCanvas(COMMUNITY, {
        placements: new Map([
          ['ana', { x: 0, y: 0, colour: '#3d5a80' }],
          ['ben', { x: 300, y: 0 }],
          ['obs', { x: 150, y: 200 }],
        ]),
        groups: [{ label: 'Members', members: ['ana', 'ben'] }],
      }),
    ) as {
      nodes: {
        id: string;
        type: string;
        x: number;
        width: number;
        color?: string;
        label?: string;
      }[];
      edges: { fromNode: string; toNode: string; label: string }[];
    };
    expect(canvas.nodes.map((n) => [n.id, n.type])).toEqual([
      ['group-1', 'group'],
      ['ana', 'text'],
      ['ben', 'text'],
      ['obs', 'text'],
    ]);
    expect(canvas.nodes[1]).toMatchObject({ x: -120, width: 240, color: '#3d5a80' });
    // From the left of Ana's card (-120) less 40, to the right of Ben's (180 + 240) plus 40.
    expect(canvas.nodes[0]).toMatchObject({ label: 'Members', x: -160, width: 620 });
    expect(canvas.edges).toContainEqual(
      expect.objectContaining({ fromNode: 'ana', toNode: 'ben', label: 'mentors' }),
    );
  });
});
