// Graph index on a generated community of 100k entities and 300k relations: decode + index time
// and heap against a bare Y.applyUpdate of the same state (measured in this run), the cost of one
// edit reaching the index, neighbourhood / shortest path / search latency, encoded size.

import { loadavg } from 'node:os';
import { createGraphDoc, GraphIndex, GraphologyView, Workspace } from '@repertoire/core';
import type { EntityKindDefinition } from '@repertoire/schema';
import * as Y from 'yjs';
import { type BenchFigure, type BenchReport, percentile, under } from '../src/bench.ts';

const ENTITIES = 100_000;
const RELATIONS = 300_000;

// A community shaped like DOMAIN.md: many artifacts and meetings, fewer members and practices.
const KINDS: [kind: string, share: number][] = [
  ['member', 0.1],
  ['domain', 0.005],
  ['problem', 0.045],
  ['practice', 0.2],
  ['artifact', 0.5],
  ['meeting', 0.15],
];
const RELATION_KINDS: [type: string, from: string, to: string, share: number][] = [
  ['contributes', 'member', 'artifact', 0.25],
  ['practises', 'member', 'practice', 0.15],
  ['mentors', 'member', 'member', 0.03],
  ['documents', 'artifact', 'practice', 0.15],
  ['addresses', 'practice', 'problem', 0.07],
  ['belongsTo', 'problem', 'domain', 0.01],
  ['attended', 'member', 'meeting', 0.2],
  ['discussed', 'meeting', 'practice', 0.04],
  ['mentions', 'artifact', 'member', 0.1],
];
const WORDS = (
  'learning walks lesson study feedback equity inquiry cycle reading fluency mathematics talk ' +
  'assessment formative coaching peer observation protocol student voice belonging literacy ' +
  'science inquiry routine planning reflection data dialogue mentoring newcomer induction ' +
  'curriculum mapping questioning wait time exit tickets collaborative norms agenda'
).split(' ');

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

function kindDef(kind: string): EntityKindDefinition {
  return {
    kind,
    label: kind,
    pluralLabel: `${kind}s`,
    icon: 'circle',
    colour: '#888888',
    fields: [
      { name: 'summary', label: 'Summary', type: 'text' },
      { name: 'status', label: 'Status', type: 'enum', options: ['emerging', 'established'] },
    ],
  };
}

export function generate(): { doc: Y.Doc; ids: Map<string, string[]>; all: string[] } {
  const random = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  // Mild preference for earlier entities, so some members and practices are hubs.
  const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(random() ** 1.6 * xs.length)] as T;
  const doc = createGraphDoc('bench');
  const ws = new Workspace(doc, { user: 'generator' });
  for (const [kind] of KINDS) ws.registerEntityKind(kindDef(kind));
  for (const [type, from, to] of RELATION_KINDS) {
    if (type !== 'mentions') ws.registerRelationKind({ type, label: type, from: [from], to: [to] });
  }
  const ids = new Map<string, string[]>(KINDS.map(([k]) => [k, []]));
  const all: string[] = [];
  ws.transact(() => {
    for (const [kind, share] of KINDS) {
      const n = Math.round(ENTITIES * share);
      for (let i = 0; i < n; i++) {
        const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${i}`;
        const fields: Record<string, string> =
          random() < 0.5 ? { status: random() < 0.5 ? 'emerging' : 'established' } : {};
        if (random() < 0.3) fields.summary = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`;
        const e = ws.createEntity({ kind, title, fields });
        ids.get(kind)?.push(e.id);
        all.push(e.id);
      }
    }
    let made = 0;
    for (const [type, from, to, share] of RELATION_KINDS) {
      const target = Math.round(RELATIONS * share);
      const froms = ids.get(from) as string[];
      const tos = ids.get(to) as string[];
      const before = made;
      while (made - before < target) {
        const a = skewed(froms);
        const b = skewed(tos);
        if (a === b) continue;
        const existing = ws.graphMaps.relations.has(`${a}|${type}|${b}`);
        if (existing) continue;
        ws.link(a as never, type, b as never);
        made++;
      }
    }
  });
  ws.dispose();
  return { doc, ids, all };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/** Wall and CPU time (this process, all threads) of `fn`, in ms. */
function timeCpu(fn: () => unknown): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function decodeRounds(update: Uint8Array, rounds: number) {
  const out = {
    bare: [] as number[],
    indexed: [] as number[],
    attachedFirst: [] as number[],
    bareCpu: [] as number[],
    indexedCpu: [] as number[],
  };
  for (let round = 0; round < rounds; round++) {
    gc();
    const b = timeCpu(() => {
      const d = new Y.Doc({ gc: false });
      Y.applyUpdate(d, update);
      return d;
    });
    out.bare.push(b.wall);
    out.bareCpu.push(b.cpu);
    gc();
    const c = timeCpu(() => {
      const d = createGraphDoc();
      Y.applyUpdate(d, update);
      return new GraphIndex(d);
    });
    out.indexed.push(c.wall);
    out.indexedCpu.push(c.cpu);
    gc();
    const f = timeCpu(() => {
      const d = createGraphDoc();
      const index = new GraphIndex(d);
      Y.applyUpdate(d, update);
      return index;
    });
    out.attachedFirst.push(f.wall);
  }
  gc();
  return out;
}

function median(xs: number[]): number {
  return percentile(xs, 50);
}

export default async function coreBench(): Promise<BenchReport> {
  const loadAtStart = loadavg()[0] as number;
  // The generated document is dropped once encoded, so it weighs on no later figure.
  const [{ update, all }, genMs] = time(() => {
    const { doc, all } = generate();
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { update, all };
  });
  console.log(`  generated ${all.length} entities in ${genMs.toFixed(0)} ms`);
  gc();

  // Decode + index against a bare Y.applyUpdate of the same update, alternating, median of 5.
  // In its own function, so none of the decoded documents outlives it (heap is measured next).
  const { bare, indexed, attachedFirst, bareCpu, indexedCpu } = decodeRounds(update, 5);
  const bareMs = median(bare);
  const indexMs = median(indexed);
  const ratio = indexMs / bareMs;
  const cpuRatio = median(indexedCpu) / median(bareCpu);

  // Heap: the decoded document, then the same document with its index (what a client holds).
  // Measured by growth on one document, so nothing has to be freed in between.
  const base = heapMb();
  const live = createGraphDoc('bench');
  Y.applyUpdate(live, update);
  const bareHeap = heapMb() - base;
  const index = new GraphIndex(live);
  const indexHeap = heapMb() - base;
  console.log(`  index: ${index.entityCount} entities, ${index.relationCount} relations`);

  // One edit reaching the index: a validated write through the Workspace, until the index has it.
  const ws = new Workspace(live, { user: 'editor' });
  for (const [kind] of KINDS) ws.registerEntityKind(kindDef(kind));
  for (const [type, from, to] of RELATION_KINDS) {
    if (type !== 'mentions') ws.registerRelationKind({ type, label: type, from: [from], to: [to] });
  }
  let seen = 0;
  index.onDidChange(() => {
    seen++;
  });
  const random = rng(7);
  const members = index.entitiesOfKind('member');
  const practices = index.entitiesOfKind('practice');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const editSamples: number[] = [];
  const linked: [string, string][] = [];
  for (let i = 0; i < 3_000; i++) {
    const op = random();
    const before = seen;
    const start = performance.now();
    if (op < 0.6) {
      ws.updateEntity(pick(all) as never, { title: `edited ${i}` });
    } else if (op < 0.85 || linked.length === 0) {
      const a = pick(members);
      const b = pick(practices);
      ws.link(a, 'practises', b, { attributes: { n: i } });
      linked.push([a, b]);
    } else {
      const [a, b] = linked.pop() as [string, string];
      ws.unlink(a as never, 'practises', b as never);
    }
    const elapsed = performance.now() - start;
    if (seen === before) throw new Error('the index did not see an edit');
    if (i >= 200) editSamples.push(elapsed);
  }

  // Index-only cost of a remote edit: the same kind of title change arriving as an update.
  const peer = createGraphDoc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
  const peerWs = new Workspace(peer, { user: 'peer' });
  for (const [kind] of KINDS) peerWs.registerEntityKind(kindDef(kind));
  // The update of one transaction, as a provider sends it (encoding a diff against a state
  // vector would also carry the whole delete set, which no provider sends per edit).
  const peerEdit = (title: string): Uint8Array => {
    let u: Uint8Array | undefined;
    const grab = (update: Uint8Array) => {
      u = update;
    };
    peer.on('update', grab);
    peerWs.updateEntity(pick(all) as never, { title });
    peer.off('update', grab);
    return u as Uint8Array;
  };
  const bareLive = new Y.Doc({ gc: false });
  Y.applyUpdate(bareLive, Y.encodeStateAsUpdate(peer));
  const remoteSamples: number[] = [];
  const bareRemote: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const u = peerEdit(`remote ${i}`);
    const [, ms] = time(() => Y.applyUpdate(live, u, 'remote'));
    const [, bareMs] = time(() => Y.applyUpdate(bareLive, u, 'remote'));
    if (i >= 200) {
      remoteSamples.push(ms);
      bareRemote.push(bareMs);
    }
  }

  // Queries.
  const hoodSamples: number[] = [];
  const hoodSizes: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const id = pick(all);
    const [hood, ms] = time(() => index.neighbourhood(id, 2));
    hoodSamples.push(ms);
    hoodSizes.push(hood.entities.length);
  }
  const pathSamples: number[] = [];
  const pathLengths: number[] = [];
  for (let i = 0; i < 1_000; i++) {
    const [path, ms] = time(() => index.shortestPath(pick(all), pick(all)));
    pathSamples.push(ms);
    if (path) pathLengths.push(path.length - 1);
  }
  const [, firstSearchMs] = time(() => index.search('learning', { limit: 20 }));
  const searchSamples: number[] = [];
  for (let i = 0; i < 1_000; i++) {
    const q = `${pick(['learn', 'lesson studdy', 'feedbak', 'equity inq', 'mentor'])}`;
    searchSamples.push(time(() => index.search(q, { limit: 20 }))[1]);
  }

  const [view, viewMs] = time(() => new GraphologyView(index));
  const [, degreeMs] = time(() => view.degreeCentrality());
  const afterView = heapMb();

  const figures: BenchFigure[] = [
    {
      metric: 'decode + index (100k entities, 300k relations)',
      value: indexMs,
      unit: 'ms',
      goal: `<= 1.5x bare Y.applyUpdate (${(1.5 * bareMs).toFixed(0)} ms)`,
      met: ratio <= 1.5,
      peers: {
        'bare Y.applyUpdate': bareMs,
        'index attached before decode': median(attachedFirst),
      },
    },
    {
      metric: 'decode + index / bare Y.applyUpdate',
      value: ratio,
      unit: 'x',
      goal: '<= 1.5 x',
      met: ratio <= 1.5,
      peers: { 'same in CPU time': cpuRatio },
    },
    under('heap: graph doc + index', indexHeap, 'MB', 600, {
      'Y.Doc alone': bareHeap,
      'index alone': indexHeap - bareHeap,
    }),
    under(
      'edit reaching the index p99 (validated local write)',
      percentile(editSamples, 99),
      'ms',
      1,
      {
        p50: percentile(editSamples, 50),
      },
    ),
    under('remote edit applied + indexed p99', percentile(remoteSamples, 99), 'ms', 1, {
      p50: percentile(remoteSamples, 50),
      'bare Y.applyUpdate p99': percentile(bareRemote, 99),
    }),
    under('neighbourhood depth 2 p99', percentile(hoodSamples, 99), 'ms', 5, {
      p50: percentile(hoodSamples, 50),
      'median size': median(hoodSizes),
    }),
    under('shortest path p99', percentile(pathSamples, 99), 'ms', 5, {
      p50: percentile(pathSamples, 50),
      'median length': median(pathLengths),
    }),
    {
      metric: 'title search (prefix + fuzzy) p99',
      value: percentile(searchSamples, 99),
      unit: 'ms',
      peers: {
        p50: percentile(searchSamples, 50),
        'first search (builds the title index) ms': firstSearchMs,
      },
    },
    {
      metric: 'encoded size per entity (incl. 3 relations each)',
      value: update.byteLength / ENTITIES,
      unit: 'B',
      peers: { 'total MB': update.byteLength / 1_048_576 },
    },
    {
      metric: 'graphology view build (100k nodes)',
      value: viewMs,
      unit: 'ms',
      peers: { 'degree centrality ms': degreeMs, 'heap after view MB': afterView - base },
    },
  ];
  return {
    name: 'core',
    description: 'Graph index on 100k entities / 300k relations, against bare Yjs in the same run',
    environment: {
      entities: ENTITIES,
      relations: RELATIONS,
      generateMs: Math.round(genMs),
      // The machine is shared: a load above its core count inflates every wall-clock figure.
      loadAverageAtStart: Number(loadAtStart.toFixed(2)),
      loadAverageAtEnd: Number((loadavg()[0] as number).toFixed(2)),
    },
    figures,
  };
}
