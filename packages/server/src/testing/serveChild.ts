// A server in its own process, for tests that kill it:
// `node serveChild.ts <dataDir> <port> [databaseUrl] [redisUrl] [peer,peer…]`.
import { pino } from 'pino';
import { createRepertoireServer } from '../createRepertoireServer.ts';
import { BUILTIN_PLUGINS_DIR } from './harness.ts';

const [dataDir, port, databaseUrl, redisUrl, peers] = process.argv.slice(2);
const server = await createRepertoireServer({
  dataDir: dataDir as string,
  port: Number(port),
  host: '127.0.0.1',
  logger: pino({ level: process.env.REPERTOIRE_CHILD_LOG ?? 'silent' }),
  limits: { messagesPerSecond: 100_000 },
  builtinPluginsDir: BUILTIN_PLUGINS_DIR,
  ...(databaseUrl ? { databaseUrl } : {}),
  ...(redisUrl ? { redisUrl } : {}),
  ...(peers ? { routing: { self: `http://127.0.0.1:${port}`, peers: peers.split(',') } } : {}),
});
await server.listen();
console.log('listening');
