import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

const BUCKETS = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1];

/**
 * The counters and gauges the server exposes at `/metrics`, rendered by prom-client in the
 * Prometheus text format (with the Node process metrics beside them). The figures are plain
 * fields so the hot paths only add to a number; prom-client reads them when scraped.
 */
export class Metrics {
  connections = 0;
  documentsOpen = 0;
  messagesReceived = 0;
  messagesSent = 0;
  bytesReceived = 0;
  bytesSent = 0;
  errors = 0;
  httpRequests = 0;
  /** WebSocket connections handed to the instance that owns their workspace. */
  proxiedConnections = 0;
  /** Group commits of members' updates, and the updates they held. */
  commits = 0;
  committedUpdates = 0;
  /** The registry `/metrics` renders; one per server, so several servers share no figures. */
  readonly registry = new Registry();
  readonly #store: Histogram;

  constructor() {
    const registers = [this.registry];
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    const counter = (name: string, help: string, read: () => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    gauge('repertoire_connections', 'Open WebSocket connections.', () => this.connections);
    gauge('repertoire_documents_open', 'Documents loaded in memory.', () => this.documentsOpen);
    counter(
      'repertoire_messages_received_total',
      'WebSocket messages received.',
      () => this.messagesReceived,
    );
    counter('repertoire_messages_sent_total', 'WebSocket messages sent.', () => this.messagesSent);
    counter(
      'repertoire_bytes_received_total',
      'WebSocket bytes received.',
      () => this.bytesReceived,
    );
    counter('repertoire_bytes_sent_total', 'WebSocket bytes sent.', () => this.bytesSent);
    counter('repertoire_errors_total', 'Errors (refused frames, failed hooks).', () => this.errors);
    counter('repertoire_http_requests_total', 'HTTP requests served.', () => this.httpRequests);
    counter(
      'repertoire_proxied_connections_total',
      'WebSocket connections proxied to the instance owning their workspace.',
      () => this.proxiedConnections,
    );
    counter(
      'repertoire_store_commits_total',
      "Transactions that stored members' updates (one per event-loop turn with updates).",
      () => this.commits,
    );
    counter(
      'repertoire_store_committed_updates_total',
      "Members' updates stored by those transactions.",
      () => this.committedUpdates,
    );
    this.#store = new Histogram({
      name: 'repertoire_store_seconds',
      help: 'Time spent writing to the store.',
      buckets: BUCKETS,
      registers,
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'repertoire_' });
  }

  /** Records one group commit of `updates` updates that took `seconds`. */
  observeCommit(updates: number, seconds: number): void {
    this.commits += 1;
    this.committedUpdates += updates;
    this.#store.observe(seconds);
  }

  /** Records one store operation that took `seconds`. */
  observeStore(seconds: number): void {
    this.#store.observe(seconds);
  }

  /** Times `fn` as a store operation; one that returns a promise, until it settles. */
  timeStore<T>(fn: () => T): T {
    const start = performance.now();
    const observe = () => this.observeStore((performance.now() - start) / 1000);
    let result: T;
    try {
      result = fn();
    } catch (error) {
      observe();
      throw error;
    }
    if (result instanceof Promise) {
      result.then(observe, observe);
      return result;
    }
    observe();
    return result;
  }

  /** The Prometheus exposition text. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** Its content type (`text/plain; version=0.0.4`). */
  get contentType(): string {
    return this.registry.contentType;
  }
}
