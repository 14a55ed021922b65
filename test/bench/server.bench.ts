// The sync server beside its peers, measured in the same run, each in its own process on
// loopback: Repertoire on SQLite and on PostgreSQL (every update stored before it is
// acknowledged, auth, production limits, activity, history), plain Hocuspocus (no extensions, in
// memory) and the reference y-websocket server (y-websocket 1.5.4's bin/utils, ported in
// server-ywebsocket.ts, in memory). Clients are the real providers (HocuspocusProvider,
// y-websocket's WebsocketProvider) in this process. Issue 14, item 16, keeps it honest:
//   - Repertoire runs with its production limits (no raised rates; clients spread over members,
//     50 connections each; connections opened in batches under the unauthenticated-socket cap);
//   - update latency is measured at the last recipient: a ping counts once every other client on
//     the document has it; a ping that does not arrive everywhere within 5 s is a failure,
//     counted, and enters the percentiles as 5 s, never dropped (after 5 in a row, the rest of
//     the round counts as timed out without waiting);
//   - updates per second: 10 writers (each within the per-connection rate) to one reader;
//   - the servers are interleaved (each repetition runs every kind, in a rotated order) and the
//     run is repeated; every figure is the median over the repetitions, and the raw runs and
//     `/proc/loadavg` before and after each measurement are in the JSON;
//   - server memory (RSS) per connection and heap per open document; a new client loading a
//     10 MB document (held open; for Repertoire also cold from its store).
// SERVER_BENCH_CLIENTS=100 skips the 1,000-client round, SERVER_BENCH_REPEATS=n sets the
// repetitions (default 3), SERVER_BENCH_ONLY=<kind> measures one kind.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type BenchFigure, type BenchReport, percentile, under } from '../src/bench.ts';
import { freePort } from '../src/ports.ts';
import { type PostgresServer, startPostgresRetrying } from '../src/postgres.ts';
import { type ServiceProcess, startProcess } from '../src/serviceProcess.ts';
import { tempDir } from '../src/tempDir.ts';

const PEER = fileURLToPath(new URL('./server-peer.ts', import.meta.url));
const KINDS = ['repertoire', 'repertoire-postgres', 'hocuspocus', 'y-websocket'] as const;
const ONLY = process.env.SERVER_BENCH_ONLY;
type Kind = (typeof KINDS)[number];
const MAX_CLIENTS = Number(process.env.SERVER_BENCH_CLIENTS ?? 1000);
const ROUNDS = [2, 100, 1000].filter((n) => n <= MAX_CLIENTS);
const REPEATS = Number(process.env.SERVER_BENCH_REPEATS ?? 3);
/** A ping that has not reached every recipient by then is a failure. */
const PING_TIMEOUT_MS = 5_000;
/** Timeouts in a row after which the rest of a latency round counts as timed out. */
const GIVE_UP_AFTER = 5;
/** Below the server's cap on unauthenticated sockets per address (20). */
const CONNECT_BATCH = 15;
const WRITERS = 10;
const isRepertoire = (kind: Kind) => kind === 'repertoire' || kind === 'repertoire-postgres';
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').trim();

interface Peer {
  kind: Kind;
  port: number;
  pid: number;
  tokens?: string[];
  workspaceId?: string;
  proc: ServiceProcess;
}

interface Client {
  doc: Y.Doc;
  /** Resolves once every local change is acknowledged (Hocuspocus) or sent (y-websocket). */
  destroy(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startPeer(kind: Kind, dataDir: string, databaseUrl?: string): Promise<Peer> {
  const port = await freePort();
  const proc = startProcess(process.execPath, [
    '--expose-gc',
    PEER,
    kind,
    String(port),
    dataDir,
    ...(databaseUrl ? [databaseUrl] : []),
  ]);
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
  // A full GC on a loaded machine can take long; a minute before giving up.
  const deadline = Date.now() + 60_000;
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
  return isRepertoire(peer.kind) ? `${peer.workspaceId}/doc/${suffix}` : suffix;
}

/** Client `i` connects as member `i mod members` (50 connections per member at most). */
let connections = 0;
function connect(peer: Peer, name: string, doc = new Y.Doc()): Promise<Client> {
  const tokens = peer.tokens ?? ['none'];
  const token = tokens[connections++ % tokens.length] as string;
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
      url: `ws://127.0.0.1:${peer.port}${isRepertoire(peer.kind) ? '/sync' : ''}`,
      name,
      document: doc,
      token,
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
  for (let i = 0; i < n; i += CONNECT_BATCH)
    clients.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(CONNECT_BATCH, n - i) }, () => connect(peer, name)),
      )),
    );
  return clients;
}

/**
 * Ping latency at the last recipient: client 0 writes, and a sample is the time until every other
 * client has the value. A ping that misses someone after PING_TIMEOUT_MS is a failure and enters
 * the samples as the timeout.
 */
async function latency(
  clients: Client[],
  samples: number,
): Promise<{ samples: number[]; failures: number }> {
  const [writer, ...readers] = clients as [Client, ...Client[]];
  const arrived = new Map<number, number>();
  const complete = new Map<number, number>();
  for (const reader of readers) {
    const map = reader.doc.getMap<number>('ping');
    let last = -1;
    map.observe(() => {
      const v = map.get('k');
      if (v === undefined || v === last) return;
      last = v;
      const n = (arrived.get(v) ?? 0) + 1;
      arrived.set(v, n);
      if (n === readers.length) complete.set(v, performance.now());
    });
  }
  const out: number[] = [];
  let failures = 0;
  let inARow = 0;
  for (let i = 0; i < samples; i++) {
    // After GIVE_UP_AFTER timeouts in a row the round is lost: the pings left count as timed out
    // without waiting 5 s each, so a drowning server ends its round in bounded time.
    if (inARow >= GIVE_UP_AFTER) {
      failures++;
      out.push(PING_TIMEOUT_MS);
      continue;
    }
    const sent = performance.now();
    writer.doc.getMap<number>('ping').set('k', i);
    const deadline = sent + PING_TIMEOUT_MS;
    while (!complete.has(i) && performance.now() < deadline) await sleep(0);
    const at = complete.get(i);
    // A ping that completed only after the timeout (the poll woke late) is a failure too.
    if (at === undefined || at - sent > PING_TIMEOUT_MS) {
      failures++;
      inARow++;
      out.push(PING_TIMEOUT_MS);
    } else {
      inARow = 0;
      out.push(at - sent);
    }
    await sleep(5);
  }
  return { samples: out, failures };
}

/**
 * Updates per second from WRITERS writers to one reader: each sends its share as separate
 * updates at once (a share stays under the per-connection burst the production rate limit
 * allows), and the clock stops when the reader has them all.
 */
async function throughput(peer: Peer): Promise<number> {
  const name = docName(peer, 'throughput');
  const [reader, ...writers] = await connectMany(peer, name, WRITERS + 1);
  const perWriter = 500;
  const count = perWriter * WRITERS;
  const list = (reader as Client).doc.getArray<number>('items');
  const start = performance.now();
  for (let i = 0; i < perWriter; i++) {
    for (const writer of writers) writer.doc.getArray<number>('items').push([i]);
    if (i % 20 === 19) await sleep(0);
  }
  const deadline = Date.now() + 120_000;
  while (list.length < count && Date.now() < deadline) await sleep(1);
  const seconds = (performance.now() - start) / 1000;
  for (const c of [reader as Client, ...writers]) c.destroy();
  return list.length / seconds;
}

/** Connects `count` clients in batches of 50, client `i` to document `name(i)`, each writing a line. */
async function connectBatched(
  peer: Peer,
  count: number,
  name: (i: number) => string,
): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i += CONNECT_BATCH)
    clients.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, (_, k) =>
          connect(peer, name(i + k)),
        ),
      )),
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
  if (!isRepertoire(peer.kind)) return { warm: warmMs };
  await sleep(3000); // unloaded and compacted once no one has it open
  const t1 = performance.now();
  const cold = await connect(peer, name);
  const coldMs = performance.now() - t1;
  if (cold.doc.getText('t').length !== 160 * chunk.length) throw new Error('cold load incomplete');
  cold.destroy();
  return { warm: warmMs, cold: coldMs };
}

interface PeerResult {
  latency: Record<number, { p50: number; p99: number; failures: number }>;
  perConnection: number;
  perDocument: number;
  throughput: number;
  loadWarm: number;
  loadCold?: number;
}

async function measure(
  kind: Kind,
): Promise<PeerResult & { loadBefore: string; loadAfter: string }> {
  const loadBefore = loadAverage();
  const dir = await tempDir(`repertoire-bench-${kind}-`);
  let postgres: PostgresServer | undefined;
  if (kind === 'repertoire-postgres') postgres = await startPostgresRetrying();
  const peer = await startPeer(kind, dir.path, postgres?.url);
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
      const { samples, failures } = await latency(clients, n >= 1000 ? 100 : 200);
      result.latency[n] = {
        p50: percentile(samples, 50),
        p99: percentile(samples, 99),
        failures,
      };
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
    return { ...result, loadBefore, loadAfter: loadAverage() };
  } finally {
    await peer.proc.stop();
    await postgres?.stop();
    await dir.dispose();
  }
}

const median = (values: readonly number[]) => percentile(values, 50);

/** The median of each figure over the repetitions. */
function medianResult(runs: readonly PeerResult[]): PeerResult {
  const of = (pick: (r: PeerResult) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length > 0 ? median(values) : Number.NaN;
  };
  const latency: PeerResult['latency'] = {};
  for (const n of ROUNDS)
    latency[n] = {
      p50: of((r) => r.latency[n]?.p50),
      p99: of((r) => r.latency[n]?.p99),
      // Failures are summed, not averaged away.
      failures: runs.reduce((sum, r) => sum + (r.latency[n]?.failures ?? 0), 0),
    };
  const cold = of((r) => r.loadCold);
  return {
    latency,
    perConnection: of((r) => r.perConnection),
    perDocument: of((r) => r.perDocument),
    throughput: of((r) => r.throughput),
    loadWarm: of((r) => r.loadWarm),
    ...(Number.isNaN(cold) ? {} : { loadCold: cold }),
  };
}

export default async function serverBench(): Promise<BenchReport> {
  const loadAtStart = loadAverage();
  const kinds = KINDS.filter((k) => !ONLY || ONLY === k);
  const runs = Object.fromEntries(kinds.map((k) => [k, [] as PeerResult[]])) as Record<
    Kind,
    (PeerResult & { loadBefore: string; loadAfter: string })[]
  >;
  // Interleaved: every repetition measures every kind, each time starting one kind later.
  for (let rep = 0; rep < REPEATS; rep++)
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(k + rep) % kinds.length] as Kind;
      console.error(`repetition ${rep + 1}/${REPEATS}: ${kind}`);
      // One retry: on a shared machine a measurement can fail for reasons of its own (a slow
      // start, a late heap report); a second failure ends the run.
      runs[kind].push(
        await measure(kind).catch((error: unknown) => {
          console.error(`${kind} failed, measuring again: ${String(error)}`);
          return measure(kind);
        }),
      );
    }
  const environment = {
    loadavgAtStart: loadAtStart,
    loadavgAtEnd: loadAverage(),
    clients: ROUNDS.join('/'),
    repetitions: REPEATS,
    limits: 'production (DEFAULT_LIMITS)',
  };
  if (ONLY) return { name: 'server', description: ONLY, environment, figures: [], runs };
  const results = Object.fromEntries(kinds.map((k) => [k, medianResult(runs[k])])) as Record<
    Kind,
    PeerResult
  >;
  const hocuspocus = results.hocuspocus;
  const figures: BenchFigure[] = [];
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
  const kb = (b: number) => b / 1024;
  for (const ours of ['repertoire', 'repertoire-postgres'] as const) {
    const r = results[ours];
    const store = ours === 'repertoire' ? 'SQLite' : 'PostgreSQL';
    const others = kinds.filter((k) => k !== ours);
    const peersOf = (pick: (p: PeerResult) => number) =>
      Object.fromEntries(others.map((k) => [k, pick(results[k])]));
    const label = (metric: string) => `${store}: ${metric}`;
    for (const n of ROUNDS) {
      const p50 = (p: PeerResult) => p.latency[n]?.p50 ?? Number.NaN;
      const p99 = (p: PeerResult) => p.latency[n]?.p99 ?? Number.NaN;
      figures.push({
        ...ratio(
          label(`update latency p50 at the last of ${n} clients`),
          p50(r),
          p50(hocuspocus),
          'ms',
        ),
        peers: peersOf(p50),
      });
      figures.push(
        n === 1000
          ? {
              ...under(
                label(`update latency p99 at the last of ${n} clients`),
                p99(r),
                'ms',
                50,
                peersOf(p99),
              ),
              goal: `< 50 ms and below plain Hocuspocus (${p99(hocuspocus).toFixed(1)} ms)`,
              met: p99(r) < 50 && p99(r) < p99(hocuspocus),
            }
          : {
              metric: label(`update latency p99 at the last of ${n} clients`),
              value: p99(r),
              unit: 'ms',
              peers: peersOf(p99),
            },
      );
      figures.push({
        metric: label(
          `pings timed out (${PING_TIMEOUT_MS / 1000} s), ${n} clients, all repetitions`,
        ),
        value: r.latency[n]?.failures ?? 0,
        unit: 'pings',
        goal: '0',
        met: (r.latency[n]?.failures ?? 0) === 0,
        peers: peersOf((p) => p.latency[n]?.failures ?? 0),
      });
    }
    figures.push({
      ...ratio(
        label(`updates per second, ${WRITERS} writers to one reader`),
        r.throughput,
        hocuspocus.throughput,
        'updates/s',
        true,
      ),
      goal: `>= 0.83x plain Hocuspocus (${(r.throughput / hocuspocus.throughput).toFixed(2)}x)`,
      met: r.throughput >= 0.83 * hocuspocus.throughput,
      peers: peersOf((p) => p.throughput),
    });
    figures.push({
      metric: label(`server memory per connection (${Math.max(...ROUNDS)} clients)`),
      value: kb(r.perConnection),
      unit: 'KiB',
      peers: peersOf((p) => kb(p.perConnection)),
    });
    figures.push({
      metric: label('server heap per open document (live, after GC)'),
      value: kb(r.perDocument),
      unit: 'KiB',
      peers: peersOf((p) => kb(p.perDocument)),
    });
    figures.push({
      metric: label('new client loads a 10 MB document (held open)'),
      value: r.loadWarm,
      unit: 'ms',
      peers: peersOf((p) => p.loadWarm),
    });
    if (r.loadCold !== undefined)
      figures.push({
        metric: label('cold load of a 10 MB document from the store'),
        value: r.loadCold,
        unit: 'ms',
      });
  }
  return {
    name: 'server',
    description:
      'Repertoire sync server (durable SQLite and PostgreSQL, auth, production limits) beside plain Hocuspocus and the reference y-websocket server; interleaved, repeated, medians; loopback',
    environment,
    figures,
    runs,
  };
}
