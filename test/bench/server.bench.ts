// The sync server beside its two peers, measured in the same run, each in its own process on
// loopback: Repertoire (SQLite, every update appended before it is acknowledged, auth, limits,
// activity, history), plain Hocuspocus (no extensions, in memory) and the reference y-websocket
// server (y-websocket 1.5.4's bin/utils, ported in server-ywebsocket.ts, in memory). Clients are
// the real providers (HocuspocusProvider, y-websocket's WebsocketProvider) in this process.
//   - update latency from one client to another, p50/p99, with 2, 100 and 1,000 clients on the
//     document (a ping: the next update leaves once the previous one arrived);
//   - updates per second sustained from one writer to one reader;
//   - server memory (RSS) per connection and per open document;
//   - a new client loading a 10 MB document (held open; for Repertoire also cold from SQLite).
// Set SERVER_BENCH_CLIENTS=100 to skip the 1,000-client round on a busy machine.

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type BenchFigure, type BenchReport, percentile, under } from '../src/bench.ts';
import { freePort } from '../src/ports.ts';
import { type ServiceProcess, startProcess } from '../src/serviceProcess.ts';
import { tempDir } from '../src/tempDir.ts';

const PEER = fileURLToPath(new URL('./server-peer.ts', import.meta.url));
const KINDS = ['repertoire', 'hocuspocus', 'y-websocket'] as const;
const ONLY = process.env.SERVER_BENCH_ONLY;
type Kind = (typeof KINDS)[number];
const MAX_CLIENTS = Number(process.env.SERVER_BENCH_CLIENTS ?? 1000);
const ROUNDS = [2, 100, 1000].filter((n) => n <= MAX_CLIENTS);

interface Peer {
  kind: Kind;
  port: number;
  pid: number;
  token?: string;
  workspaceId?: string;
  proc: ServiceProcess;
}

interface Client {
  doc: Y.Doc;
  /** Resolves once every local change is acknowledged (Hocuspocus) or sent (y-websocket). */
  destroy(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startPeer(kind: Kind, dataDir: string): Promise<Peer> {
  const port = await freePort();
  const proc = startProcess(process.execPath, ['--expose-gc', PEER, kind, String(port), dataDir]);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const line = proc
      .output()
      .split('\n')
      .find((l) => l.startsWith('{'));
    if (line) return { kind, port, proc, ...(JSON.parse(line) as { pid: number }) };
    if (Date.now() > deadline) throw new Error(`${kind} did not start:\n${proc.output()}`);
    await sleep(50);
  }
}

/** The peer's live heap after a full GC (it answers SIGUSR2 with a `{"heap": n}` line). */
async function heapBytes(peer: Peer): Promise<number> {
  const seen = peer.proc
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{"heap"')).length;
  process.kill(peer.pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = peer.proc
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{"heap"'));
    const line = lines[seen];
    if (line) return (JSON.parse(line) as { heap: number }).heap;
    if (Date.now() > deadline) throw new Error(`${peer.kind} did not report its heap`);
    await sleep(20);
  }
}

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

/** A document name on `peer` (Repertoire names documents inside a workspace). */
function docName(peer: Peer, suffix: string): string {
  return peer.kind === 'repertoire' ? `${peer.workspaceId}/doc/${suffix}` : suffix;
}

function connect(peer: Peer, name: string, doc = new Y.Doc()): Promise<Client> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${peer.kind}: no sync for ${name}`)), 60_000);
    if (peer.kind === 'y-websocket') {
      const provider = new WebsocketProvider(`ws://127.0.0.1:${peer.port}`, name, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      provider.once('sync', () => {
        clearTimeout(timer);
        resolve({ doc, destroy: () => provider.destroy() });
      });
      return;
    }
    const provider = new HocuspocusProvider({
      url: `ws://127.0.0.1:${peer.port}${peer.kind === 'repertoire' ? '/sync' : ''}`,
      name,
      document: doc,
      token: peer.token ?? 'none',
      WebSocketPolyfill: WebSocket,
      onSynced: () => {
        clearTimeout(timer);
        resolve({ doc, destroy: () => provider.destroy() });
      },
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  });
}

async function connectMany(peer: Peer, name: string, n: number): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < n; i += 50)
    clients.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, () => connect(peer, name)),
      )),
    );
  return clients;
}

/** Ping latency: client 0 writes, client 1 observes; `samples` round trips. */
async function latency(clients: Client[], samples: number): Promise<number[]> {
  const [writer, reader] = clients as [Client, Client];
  const seen = new Map<number, number>();
  const map = reader.doc.getMap<number>('ping');
  map.observe(() => {
    const v = map.get('k');
    if (v !== undefined && !seen.has(v)) seen.set(v, performance.now());
  });
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const sent = performance.now();
    writer.doc.getMap<number>('ping').set('k', i);
    const deadline = Date.now() + 5_000;
    while (!seen.has(i) && Date.now() < deadline) await sleep(0);
    const at = seen.get(i);
    if (at !== undefined) out.push(at - sent);
    await sleep(5);
  }
  return out;
}

/** Updates per second from one writer to one reader: `count` separate updates, sent at once. */
async function throughput(peer: Peer): Promise<number> {
  const name = docName(peer, 'throughput');
  const [writer, reader] = (await connectMany(peer, name, 2)) as [Client, Client];
  const count = 5000;
  const list = reader.doc.getArray<number>('items');
  const start = performance.now();
  const items = writer.doc.getArray<number>('items');
  for (let i = 0; i < count; i++) {
    items.push([i]);
    if (i % 100 === 99) await sleep(0);
  }
  const deadline = Date.now() + 120_000;
  while (list.length < count && Date.now() < deadline) await sleep(1);
  const seconds = (performance.now() - start) / 1000;
  writer.destroy();
  reader.destroy();
  return list.length / seconds;
}

/** Connects `count` clients in batches of 50, client `i` to document `name(i)`, each writing a line. */
async function connectBatched(
  peer: Peer,
  count: number,
  name: (i: number) => string,
): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i += 50)
    clients.push(
      ...(await Promise.all(Array.from({ length: 50 }, (_, k) => connect(peer, name(i + k))))),
    );
  for (const [i, c] of clients.entries()) c.doc.getText('t').insert(0, `document ${i} `.repeat(20));
  await sleep(1000);
  return clients;
}

/**
 * Server heap per open document: live heap after GC with `n` clients on one document, then with
 * `n` more clients each on its own document; the second step minus the first is what `n`
 * documents cost beyond their connections.
 */
async function memoryPerDocument(peer: Peer): Promise<number> {
  const n = 200;
  const warm = await connectBatched(peer, n, () => docName(peer, 'mem-warm'));
  const h0 = await heapBytes(peer);
  const shared = await connectBatched(peer, n, () => docName(peer, 'mem-shared'));
  const h1 = await heapBytes(peer);
  const own = await connectBatched(peer, n, (i) => docName(peer, `mem-${i}`));
  const h2 = await heapBytes(peer);
  for (const c of [...warm, ...shared, ...own]) c.destroy();
  await sleep(1500);
  return Math.max(0, (h2 - h1 - (h1 - h0)) / n);
}

/** A new client loading a 10 MB document the server holds (and, for Repertoire, cold). */
async function loadLarge(peer: Peer): Promise<{ warm: number; cold?: number }> {
  const name = docName(peer, 'large');
  const holder = await connect(peer, name);
  const chunk = 'x'.repeat(1024 * 64);
  const text = holder.doc.getText('t');
  for (let i = 0; i < 160; i++) text.insert(text.length, chunk); // 10 MB
  // Wait until a second client has it all, so the server holds the whole document.
  const check = await connect(peer, name);
  const deadline = Date.now() + 120_000;
  while (check.doc.getText('t').length < 160 * chunk.length && Date.now() < deadline)
    await sleep(20);
  check.destroy();
  const t0 = performance.now();
  const warm = await connect(peer, name);
  const warmMs = performance.now() - t0;
  warm.destroy();
  holder.destroy();
  if (peer.kind !== 'repertoire') return { warm: warmMs };
  await sleep(3000); // unloaded and compacted once no one has it open
  const t1 = performance.now();
  const cold = await connect(peer, name);
  const coldMs = performance.now() - t1;
  if (cold.doc.getText('t').length !== 160 * chunk.length) throw new Error('cold load incomplete');
  cold.destroy();
  return { warm: warmMs, cold: coldMs };
}

interface PeerResult {
  latency: Record<number, { p50: number; p99: number }>;
  perConnection: number;
  perDocument: number;
  throughput: number;
  loadWarm: number;
  loadCold?: number;
}

async function measure(kind: Kind): Promise<PeerResult> {
  const dir = await tempDir(`repertoire-bench-${kind}-`);
  const peer = await startPeer(kind, dir.path);
  try {
    await sleep(500);
    const result: PeerResult = {
      latency: {},
      perConnection: 0,
      perDocument: 0,
      throughput: 0,
      loadWarm: 0,
    };
    result.perDocument = await memoryPerDocument(peer);
    console.error(`${kind}: ${(result.perDocument / 1024).toFixed(1)} KiB per document`);
    for (const n of ROUNDS) {
      const before = rssBytes(peer.pid);
      const clients = await connectMany(peer, docName(peer, `latency-${n}`), n);
      await sleep(1000);
      if (n === Math.max(...ROUNDS)) result.perConnection = (rssBytes(peer.pid) - before) / n;
      const samples = await latency(clients, n >= 1000 ? 100 : 200);
      result.latency[n] = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
      for (const c of clients) c.destroy();
      await sleep(1500);
      console.error(`${kind}: ${n} clients p50 ${result.latency[n].p50.toFixed(2)} ms`);
    }
    result.throughput = await throughput(peer);
    console.error(`${kind}: ${result.throughput.toFixed(0)} updates/s`);
    const load = await loadLarge(peer);
    console.error(`${kind}: 10 MB load ${load.warm.toFixed(0)} ms`);
    result.loadWarm = load.warm;
    if (load.cold !== undefined) result.loadCold = load.cold;
    return result;
  } finally {
    await peer.proc.stop();
    await dir.dispose();
  }
}

export default async function serverBench(): Promise<BenchReport> {
  const loadAtStart = loadavg()[0] as number;
  const results = {} as Record<Kind, PeerResult>;
  for (const kind of KINDS) if (!ONLY || ONLY === kind) results[kind] = await measure(kind);
  if (ONLY) return { name: 'server', description: ONLY, figures: [] };
  const r = results.repertoire;
  const peersOf = (pick: (p: PeerResult) => number) => ({
    hocuspocus: pick(results.hocuspocus),
    'y-websocket': pick(results['y-websocket']),
  });
  const ratio = (
    metric: string,
    value: number,
    base: number,
    unit: string,
    higherIsBetter = false,
  ) => {
    const x = higherIsBetter ? base / value : value / base;
    return {
      metric,
      value,
      unit,
      goal: `within 1.2x plain Hocuspocus (${x.toFixed(2)}x)`,
      met: x <= 1.2,
    };
  };
  const figures: BenchFigure[] = [];
  for (const n of ROUNDS) {
    const p50 = (p: PeerResult) => p.latency[n]?.p50 ?? Number.NaN;
    const p99 = (p: PeerResult) => p.latency[n]?.p99 ?? Number.NaN;
    figures.push({
      ...ratio(`update latency p50, ${n} clients`, p50(r), p50(results.hocuspocus), 'ms'),
      peers: peersOf(p50),
    });
    figures.push(
      n === 1000
        ? under(`update latency p99, ${n} clients`, p99(r), 'ms', 50, peersOf(p99))
        : {
            metric: `update latency p99, ${n} clients`,
            value: p99(r),
            unit: 'ms',
            peers: peersOf(p99),
          },
    );
  }
  figures.push({
    ...ratio(
      'updates per second, one writer to one reader',
      r.throughput,
      results.hocuspocus.throughput,
      'updates/s',
      true,
    ),
    peers: peersOf((p) => p.throughput),
  });
  const kb = (b: number) => b / 1024;
  figures.push({
    metric: `server memory per connection (${Math.max(...ROUNDS)} clients)`,
    value: kb(r.perConnection),
    unit: 'KiB',
    peers: peersOf((p) => kb(p.perConnection)),
  });
  figures.push({
    metric: 'server heap per open document (live, after GC)',
    value: kb(r.perDocument),
    unit: 'KiB',
    peers: peersOf((p) => kb(p.perDocument)),
  });
  figures.push({
    metric: 'new client loads a 10 MB document (held open)',
    value: r.loadWarm,
    unit: 'ms',
    peers: peersOf((p) => p.loadWarm),
  });
  if (r.loadCold !== undefined)
    figures.push({
      metric: 'cold load of a 10 MB document from SQLite',
      value: r.loadCold,
      unit: 'ms',
    });
  return {
    name: 'server',
    description:
      'Repertoire sync server (durable SQLite, auth, limits) beside plain Hocuspocus and the reference y-websocket server, same run, loopback',
    environment: { loadAverageAtStart: loadAtStart, clients: ROUNDS.join('/') },
    figures,
  };
}
