import { existsSync } from 'node:fs';
import { freePort, waitForPort } from './ports.ts';
import { startProcess } from './serviceProcess.ts';
import { tempDir } from './tempDir.ts';

/** A real `redis-server` on a free loopback port, storing nothing on disk. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

const REDIS_BIN = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(existsSync);

export async function startRedis(): Promise<RedisServer> {
  if (!REDIS_BIN)
    throw new Error('redis-server is not installed (apt-get install -y redis-server)');
  const port = await freePort();
  const dir = await tempDir('repertoire-redis-');
  const proc = startProcess(REDIS_BIN, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir.path,
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
  ]);
  try {
    await waitForPort(port);
  } catch (error) {
    await proc.stop();
    await dir.dispose();
    throw new Error(`redis-server did not start: ${String(error)}\n${proc.output()}`);
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await proc.stop();
      await dir.dispose();
    },
  };
}
