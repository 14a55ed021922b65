import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports.ts';
import { startProcess } from './serviceProcess.ts';
import { tempDir } from './tempDir.ts';

/** A real PostgreSQL cluster made for one test run in a temp dir, on a free loopback port. */
export interface PostgresServer {
  readonly port: number;
  /** Connection URL of the `postgres` database as the `postgres` superuser (trust auth). */
  readonly url: string;
  stop(): Promise<void>;
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root))
    throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const newest = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`no PostgreSQL version under ${root}`);
  return join(root, newest, 'bin');
}

/** PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` account. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const user = runAs();
  const dir = await tempDir('repertoire-pg-');
  const data = join(dir.path, 'data');
  if (user) chownSync(dir.path, user.uid, user.gid);
  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    {
      stdio: 'pipe',
      cwd: dir.path,
      ...user,
    },
  );
  const port = await freePort();
  const proc = startProcess(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir.path,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ],
    { cwd: dir.path, ...user },
  );
  try {
    await waitForPort(port, 30_000);
    // The port opens a moment before the server accepts logins, and pg_isready answers "starting
    // up" (exit 1) at once rather than waiting through it, so ask again until it says yes.
    await untilReady(join(bin, 'pg_isready'), port, 30_000);
  } catch (error) {
    await proc.stop();
    await dir.dispose();
    throw new Error(`postgres did not start: ${String(error)}\n${proc.output()}`);
  }
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      // SIGINT is PostgreSQL's "fast shutdown": it ends sessions instead of waiting for them.
      proc.child.kill('SIGINT');
      await proc.stop();
      await dir.dispose();
    },
  };
}

async function untilReady(pgIsReady: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      execFileSync(pgIsReady, ['-h', '127.0.0.1', '-p', String(port), '-t', '5'], {
        stdio: 'pipe',
      });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * `startPostgres`, tried up to `attempts` times: it gives up when pg_isready answers "starting
 * up" (it does not wait on that answer), which happens on a busy machine; a second attempt gets a
 * fresh cluster.
 */
export async function startPostgresRetrying(attempts = 3): Promise<PostgresServer> {
  for (let i = 1; ; i++) {
    try {
      return await startPostgres();
    } catch (error) {
      if (i >= attempts) throw error;
    }
  }
}
