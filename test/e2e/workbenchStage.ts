// Builds the real web app (apps/web) with Vite into a temp dir and starts the real server
// (`node apps/server/src/main.ts serve`) on a free port over a temp data dir, serving that build:
// what the workbench e2e test and the web benchmark drive.
import { join } from 'node:path';
import { build } from 'vite';
import { freePort, waitForPort } from '../src/ports.ts';
import { type ServiceProcess, startProcess } from '../src/serviceProcess.ts';
import { type TempDir, tempDir } from '../src/tempDir.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');

/** The built app and the server serving it. */
export interface WorkbenchStage {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Where the build is (to weigh it). */
  readonly webDir: string;
  /** The server's output so far, for error messages. */
  output(): string;
  close(): Promise<void>;
}

/** Builds apps/web once into a temp dir; returns it. */
export async function buildWebApp(): Promise<TempDir> {
  const dir = await tempDir('repertoire-web-');
  await build({
    root: WEB,
    configFile: join(WEB, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dir.path, emptyOutDir: true },
  });
  return dir;
}

/**
 * Starts a server over a fresh data dir (with the demo account and sample community if `sample`,
 * serving third-party plugins from `plugins`).
 */
export async function startWorkbenchStage(
  options: { sample?: boolean; web?: TempDir; plugins?: string } = {},
): Promise<WorkbenchStage> {
  const web = options.web ?? (await buildWebApp());
  const data = await tempDir('repertoire-data-');
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
      '--web',
      web.path,
      '--log-level',
      'warn',
      ...(options.sample ? ['--sample'] : []),
      ...(options.plugins ? ['--plugins', options.plugins] : []),
    ],
    { cwd: ROOT },
  );
  try {
    await waitForPort(port, 30_000);
  } catch (error) {
    await server.stop();
    throw new Error(`the server did not start: ${server.output()}`, { cause: error });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    webDir: web.path,
    output: () => server.output(),
    async close() {
      await server.stop();
      await data.dispose();
      if (!options.web) await web.dispose();
    },
  };
}
