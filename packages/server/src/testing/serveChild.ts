// A server in its own process, for tests that kill it:
// `node serveChild.ts <dataDir> <port> [databaseUrl] [redisUrl]`.
import { pino } from 'pino';
import { createRepertoireServer } from '../createRepertoireServer.ts';

const [dataDir, port, databaseUrl, redisUrl] = process.argv.slice(2);
const server = createRepertoireServer({
  dataDir: dataDir as string,
  port: Number(port),
  host: '127.0.0.1',
  logger: pino({ level: 'silent' }),
  limits: { messagesPerSecond: 100_000 },
  ...(databaseUrl ? { databaseUrl } : {}),
  ...(redisUrl ? { redisUrl } : {}),
});
await server.listen();
console.log('listening');
