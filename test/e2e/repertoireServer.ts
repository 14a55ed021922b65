// The real server as a member's browser meets it: `node apps/server/src/main.ts serve` on a free
// port over a temp SQLite data dir. The e2e tests and the web benchmark start it through here.
import { join } from 'node:path';
import { freePort, waitForPort } from '../src/ports.ts';
import { type ServiceProcess, startProcess } from '../src/serviceProcess.ts';
import { type TempDir, tempDir } from '../src/tempDir.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** A running server process. */
export interface RepertoireServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The server's output so far, for error messages. */
  output(): string;
  /** Stops the server and removes its data dir. */
  close(): Promise<void>;
}

/** Options of {@link startRepertoireServer}. */
export interface RepertoireServerOptions {
  /** Create the demo account and the sample community on first start. */
  sample?: boolean;
  /** Serve this web build instead of apps/web/dist. */
  web?: string;
  /** Serve third-party plugins from this directory. */
  plugins?: string;
  /** `--dev`: watch `plugins` and announce changed plugins to open workbenches. */
  dev?: boolean;
  /** How long to wait for it to listen (ms). Default 60 s. */
  startTimeoutMs?: number;
}

/** Starts the server over a fresh data dir and waits until it listens. */
export async function startRepertoireServer(
  options: RepertoireServerOptions = {},
): Promise<RepertoireServerProcess> {
  const data: TempDir = await tempDir('repertoire-data-');
  const port = await freePort();
  const server: ServiceProcess = startProcess(
    process.execPath,
    [
      join(ROOT, 'apps', 'server', 'src', 'main.ts'),
      'serve',
      '--data',
      data.path,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
      ...(options.web ? ['--web', options.web] : []),
      // The suites check the sample's story on its written dates (the 2025 school year).
      ...(options.sample ? ['--sample', '--sample-dates', 'as-written'] : []),
      ...(options.plugins ? ['--plugins', options.plugins] : []),
      ...(options.dev ? ['--dev'] : []),
    ],
    { cwd: ROOT },
  );
  const close = async () => {
    await server.stop();
    await data.dispose();
  };
  try {
    await waitForPort(port, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    const output = server.output();
    await close();
    throw new Error(`the server did not start: ${output}`, { cause: error });
  }
  return { url: `http://127.0.0.1:${port}`, port, output: () => server.output(), close };
}
