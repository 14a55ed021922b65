// Builds the real web app (apps/web) with Vite into a temp dir and starts the real server
// (`node apps/server/src/main.ts serve`) on a free port over a temp data dir, serving that build:
// what the workbench e2e test and the web benchmark drive.
import { join } from 'node:path';
import { build } from 'vite';
import { type TempDir, tempDir } from '../src/tempDir.ts';
import { startRepertoireServer } from './repertoireServer.ts';

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
 * serving third-party plugins from `plugins`, watching them for changes if `dev`).
 */
export async function startWorkbenchStage(
  options: { sample?: boolean; web?: TempDir; plugins?: string; dev?: boolean } = {},
): Promise<WorkbenchStage> {
  const web = options.web ?? (await buildWebApp());
  const server = await startRepertoireServer({
    web: web.path,
    startTimeoutMs: 30_000,
    ...(options.sample ? { sample: true } : {}),
    ...(options.plugins ? { plugins: options.plugins } : {}),
    ...(options.dev ? { dev: true } : {}),
  }).catch(async (error: unknown) => {
    if (!options.web) await web.dispose();
    throw error;
  });
  return {
    url: server.url,
    webDir: web.path,
    output: () => server.output(),
    async close() {
      await server.close();
      if (!options.web) await web.dispose();
    },
  };
}
