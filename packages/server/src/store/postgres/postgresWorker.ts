// The thread that talks to PostgreSQL for `openPostgres`: it runs each query the main thread sends
// and wakes it (Atomics.notify) once the answer is posted, so the main thread can wait for it
// synchronously.
import { type MessagePort, workerData } from 'node:worker_threads';
import pg from 'pg';

interface Request {
  mode: 'get' | 'all' | 'run' | 'exec';
  sql: string;
  params: unknown[];
}

const { url, signal, port } = workerData as { url: string; signal: Int32Array; port: MessagePort };
// int8 (COUNT, ids, BIGINT columns) and numeric as JS numbers, as node:sqlite returns them.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

const client = new pg.Client({ connectionString: url });
let connected: Promise<unknown> | undefined;
let broken: Error | undefined;
client.on('error', (error) => {
  broken = error;
});

function reply(message: unknown): void {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on('message', async (request: Request | 'close') => {
  if (request === 'close') {
    await client.end().catch(() => {});
    reply({ ok: true });
    port.close();
    return;
  }
  try {
    if (broken) throw broken;
    connected ??= client.connect();
    await connected;
    const params = request.params.map((value) =>
      value instanceof Uint8Array
        ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
        : value,
    );
    const result =
      request.mode === 'exec'
        ? await client.query(request.sql)
        : await client.query(request.sql, params);
    const rows = (Array.isArray(result) ? [] : result.rows).map((row: Record<string, unknown>) => {
      for (const key of Object.keys(row)) {
        const value = row[key];
        if (Buffer.isBuffer(value)) row[key] = new Uint8Array(value);
      }
      return row;
    });
    reply({
      ok: true,
      rows: request.mode === 'get' ? rows.slice(0, 1) : rows,
      changes: Array.isArray(result) ? 0 : (result.rowCount ?? 0),
    });
  } catch (error) {
    const e = error as { message?: string; code?: string };
    reply({ ok: false, message: e.message ?? String(error), code: e.code });
  }
});
