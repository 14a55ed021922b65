// Interop at the sizes a large community reaches: importing a generated Obsidian vault of 10k
// notes and 50k links (time and heap), and exporting 100k entities and 300k relations to GEXF.
// Each is run three times and the median quoted; a failed run fails the benchmark.

import {
  exportGexf,
  importCounts,
  importVault,
  type PortableGraph,
  type VaultFile,
} from '@repertoire/interop';
import { type BenchFigure, type BenchReport, under } from '../src/bench.ts';

const NOTES = 10_000;
const LINKS = 50_000;
const ENTITIES = 100_000;
const RELATIONS = 300_000;
const RUNS = 3;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FOLDERS = ['Members', 'Practices', 'Problems', 'Meetings', 'Artifacts'];
const WORDS =
  'learning walks lesson study feedback equity inquiry cycle reading fluency talk coaching'.split(
    ' ',
  );

/** A vault shaped like a committee's: notes in folders, front matter, prose with links. */
function generateVault(): VaultFile[] {
  const random = rng(7);
  const names = Array.from({ length: NOTES }, (_, i) => `${FOLDERS[i % FOLDERS.length]}/Note ${i}`);
  const perNote = LINKS / NOTES;
  return names.map((path, i) => {
    const lines = [
      '---',
      `kind: ${(FOLDERS[i % FOLDERS.length] ?? 'x').toLowerCase().slice(0, -1)}`,
      'tags: [bench, vault]',
      '---',
      `# Note ${i}`,
    ];
    for (let l = 0; l < perNote; l++) {
      const target = names[Math.floor(random() * NOTES)] ?? '';
      const words = Array.from(
        { length: 12 },
        () => WORDS[Math.floor(random() * WORDS.length)],
      ).join(' ');
      // Half the links by bare name, half by path with a heading or alias, as people write them.
      const link = l % 2 === 0 ? `[[${target.split('/')[1]}]]` : `[[${target}#Notes|see this]]`;
      lines.push(`${words} ${link} ${words}.`, '');
    }
    return { path: `${path}.md`, text: lines.join('\n') };
  });
}

function generateGraph(): PortableGraph {
  const random = rng(11);
  const kinds = ['member', 'practice', 'problem', 'artifact', 'meeting'];
  const entities = Array.from({ length: ENTITIES }, (_, i) => ({
    id: `e${i}`,
    kind: kinds[i % kinds.length] ?? 'member',
    title: `Entity ${i} ${WORDS[i % WORDS.length]}`,
    fields: { summary: 'A generated entity', weight: i % 17 },
    createdAt: Date.UTC(2025, 0, 1) + i * 60_000,
  }));
  const seen = new Set<string>();
  const relations: PortableGraph['relations'] = [];
  while (relations.length < RELATIONS) {
    const from = `e${Math.floor(random() * ENTITIES)}`;
    const to = `e${Math.floor(random() * ENTITIES)}`;
    const type = ['mentions', 'practises', 'documents'][relations.length % 3] ?? 'mentions';
    const key = `${from}|${type}|${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    relations.push({ from, type, to, attributes: {}, createdAt: Date.UTC(2025, 5, 1) });
  }
  return { entities, relations };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export default async function bench(): Promise<BenchReport> {
  const figures: BenchFigure[] = [];

  const vault = generateVault();
  const times: number[] = [];
  const heaps: number[] = [];
  let counts = importCounts({
    graph: { entities: [], relations: [] },
    issues: [],
    unresolved: [],
    embeds: 0,
  });
  for (let run = 0; run < RUNS; run++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    const start = performance.now();
    const result = importVault(vault, { kind: 'artifact' });
    times.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    clearInterval(sampler);
    heaps.push((peak - before) / 2 ** 20);
    counts = importCounts(result);
  }
  if (counts.entities !== NOTES)
    throw new Error(`vault import read ${counts.entities} notes, not ${NOTES}`);
  figures.push(
    under(
      `vault import, ${NOTES} notes / ${LINKS} links (median of ${RUNS})`,
      median(times),
      'ms',
      10_000,
    ),
  );
  figures.push(under('vault import heap growth (median)', median(heaps), 'MB', 500));
  figures.push({
    metric: 'relations made by the vault import',
    value: counts.relations,
    unit: 'relations',
  });

  const graph = generateGraph();
  const exportTimes: number[] = [];
  let size = 0;
  for (let run = 0; run < RUNS; run++) {
    gc();
    const start = performance.now();
    const xml = exportGexf(graph, { dynamic: true });
    exportTimes.push(performance.now() - start);
    size = xml.length;
  }
  figures.push(
    under(
      `GEXF export (dynamic), ${ENTITIES / 1000}k entities / ${RELATIONS / 1000}k relations (median)`,
      median(exportTimes),
      'ms',
      5_000,
    ),
  );
  figures.push({ metric: 'GEXF file size', value: size / 2 ** 20, unit: 'MB' });

  return {
    name: 'interop',
    description:
      'Vault import and GEXF export at large-community sizes (@repertoire/interop, in Node).',
    figures,
  };
}
