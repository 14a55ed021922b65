import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv, importCsvExport } from './csv.ts';
import { importGexf } from './gexf.ts';
import { exportGexf } from './gexfWriter.ts';
import { exportGraphml, importGraphml } from './graphml.ts';
import { exportJson, importJson } from './json.ts';
import type { PortableEntity, PortableGraph, PortableRelation } from './portableGraph.ts';
import { importVault } from './vault.ts';
import { exportVault } from './vaultExport.ts';

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
// Titles people write: words, accents, punctuation, quotes — one line, not blank.
const title = fc
  .string({
    minLength: 1,
    maxLength: 40,
    unit: fc.constantFrom(...'abcdé ÅxyZ0129-_\'",.;:!?()&<>'.split('')),
  })
  .filter((t) => t.trim() === t && t.trim().length > 0);
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });

/** Field types are fixed per field name, as a kind's schema fixes them. */
const FIELD_TYPES = {
  school: fc.string({ maxLength: 12 }),
  'year-level': fc.integer({ min: -5, max: 2000 }),
  weight: fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
  active: fc.boolean(),
  expertise: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 4 }),
} as const;

const fields = fc.record(FIELD_TYPES, { requiredKeys: [] }).map((f) => {
  // Empty texts and lists are "no value" in spreadsheets and graph files alike.
  const out: PortableEntity['fields'] = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = Object.is(v, -0) ? 0 : (v as PortableEntity['fields'][string]);
  }
  return out;
});

const graph: fc.Arbitrary<PortableGraph> = fc
  .uniqueArray(
    fc.record({
      // Names objects inherit come up often: graph libraries key plain objects by id.
      id: fc.oneof(
        { weight: 9, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/) },
        { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString') },
      ),
      kind: name,
      title,
      fields,
      createdAt: time,
    }),
    { minLength: 1, maxLength: 12, selector: (e) => e.id.toLowerCase() },
  )
  .chain((entities) =>
    fc
      .uniqueArray(
        fc.record({
          from: fc.constantFrom(...entities.map((e) => e.id)),
          type: name,
          to: fc.constantFrom(...entities.map((e) => e.id)),
          createdAt: time,
        }),
        { maxLength: 20, selector: (r) => `${r.from}|${r.type}|${r.to}` },
      )
      .map((relations) => ({
        entities: entities as PortableEntity[],
        relations: relations
          .filter((r) => r.from !== r.to)
          .map((r): PortableRelation => ({ ...r, attributes: {} })),
      })),
  );

/** Compares graphs as sets: formats need not keep the order of entities or relations. */
function normal(g: PortableGraph, keep: { relationDates?: boolean } = {}) {
  const entities = [...g.entities]
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      fields: e.fields,
      createdAt: e.createdAt,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const relations = [...g.relations]
    .map((r) => ({
      key: `${r.from}|${r.type}|${r.to}`,
      attributes: r.attributes,
      ...(keep.relationDates ? { createdAt: r.createdAt } : {}),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return { entities, relations };
}

describe('export then import gives the same graph', () => {
  const roundTrips: [string, (g: PortableGraph) => PortableGraph, boolean][] = [
    ['JSON', (g) => importJson(exportJson(g)).graph, true],
    ['CSV', (g) => importCsvExport(exportCsv(g)).graph, true],
    ['GEXF', (g) => importGexf(exportGexf(g)).graph, true],
    ['GEXF (dynamic)', (g) => importGexf(exportGexf(g, { dynamic: true })).graph, true],
    ['GraphML', (g) => importGraphml(exportGraphml(g)).graph, true],
    ['Markdown vault', (g) => importVault(exportVault(g), { kind: 'note' }).graph, false],
  ];
  for (const [format, roundTrip, relationDates] of roundTrips) {
    it(`${format}, over random graphs`, () => {
      fc.assert(
        fc.property(graph, (g) => {
          expect(normal(roundTrip(g), { relationDates })).toEqual(normal(g, { relationDates }));
        }),
        { numRuns: 60 },
      );
    });
  }
});
