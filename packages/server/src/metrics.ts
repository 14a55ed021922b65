const BUCKETS = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1];

/** The counters and gauges the server exposes at `/metrics` in Prometheus text format. */
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
  readonly #storeBuckets = BUCKETS.map(() => 0);
  #storeCount = 0;
  #storeSum = 0;

  /** Records one store operation that took `seconds`. */
  observeStore(seconds: number): void {
    this.#storeCount += 1;
    this.#storeSum += seconds;
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.#storeBuckets[i] = (this.#storeBuckets[i] ?? 0) + 1;
    });
  }

  /** Times `fn` as a store operation. */
  timeStore<T>(fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.observeStore((performance.now() - start) / 1000);
    }
  }

  /** The Prometheus exposition text. */
  render(): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, value: number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    };
    metric('repertoire_connections', 'gauge', 'Open WebSocket connections.', this.connections);
    metric('repertoire_documents_open', 'gauge', 'Documents loaded in memory.', this.documentsOpen);
    metric(
      'repertoire_messages_received_total',
      'counter',
      'WebSocket messages received.',
      this.messagesReceived,
    );
    metric(
      'repertoire_messages_sent_total',
      'counter',
      'WebSocket messages sent.',
      this.messagesSent,
    );
    metric(
      'repertoire_bytes_received_total',
      'counter',
      'WebSocket bytes received.',
      this.bytesReceived,
    );
    metric('repertoire_bytes_sent_total', 'counter', 'WebSocket bytes sent.', this.bytesSent);
    metric(
      'repertoire_errors_total',
      'counter',
      'Errors (refused frames, failed hooks).',
      this.errors,
    );
    metric('repertoire_http_requests_total', 'counter', 'HTTP requests served.', this.httpRequests);
    metric(
      'repertoire_proxied_connections_total',
      'counter',
      'WebSocket connections proxied to the instance owning their workspace.',
      this.proxiedConnections,
    );
    lines.push(
      '# HELP repertoire_store_seconds Time spent writing to the store.',
      '# TYPE repertoire_store_seconds histogram',
    );
    BUCKETS.forEach((bound, i) => {
      lines.push(`repertoire_store_seconds_bucket{le="${bound}"} ${this.#storeBuckets[i]}`);
    });
    lines.push(`repertoire_store_seconds_bucket{le="+Inf"} ${this.#storeCount}`);
    lines.push(`repertoire_store_seconds_sum ${this.#storeSum}`);
    lines.push(`repertoire_store_seconds_count ${this.#storeCount}`);
    return `${lines.join('\n')}\n`;
  }
}
