import { createRepertoireServer } from '@repertoire/server';
import type { Command } from 'commander';
import { PLUGINS_DIR, WEB_ROOT } from '../paths.ts';
import { DEMO_ACCOUNT, seedSample } from '../sample.ts';

/** `repertoire serve`: the whole server on one port. */
export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start Repertoire: web app, JSON API and real-time sync on one port')
    .option('-d, --data <dir>', 'data directory (SQLite store)', './data')
    .option('-p, --port <port>', 'TCP port', (v) => Number.parseInt(v, 10), 4321)
    .option('--host <address>', 'address to listen on (all interfaces by default)')
    .option('--web <dir>', 'the built web app to serve', WEB_ROOT)
    .option('--plugins <dir>', 'installed plugins', PLUGINS_DIR)
    .option(
      '--database-url <url>',
      'PostgreSQL connection URL, instead of SQLite (env REPERTOIRE_DATABASE_URL)',
    )
    .option(
      '--redis-url <url>',
      'Redis URL, to share live documents between instances (env REPERTOIRE_REDIS_URL)',
    )
    .option(
      '--instance-url <url>',
      "this instance's URL as the other instances reach it (workspace-owner routing)",
    )
    .option(
      '--peers <urls>',
      'comma-separated URLs of every instance, for workspace-owner routing (env REPERTOIRE_PEERS)',
    )
    .option('--sample', 'on first start, create a demo account and a sample community')
    .option('--log-level <level>', 'pino log level', 'info')
    .action(async (options) => {
      if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
        console.error(`--port: '${options.port}' is not a port number`);
        process.exitCode = 2;
        return;
      }
      const peers: string | undefined = options.peers ?? process.env.REPERTOIRE_PEERS;
      if (peers && !options.instanceUrl) {
        console.error(
          '--instance-url: required with --peers (how the other instances reach this one)',
        );
        process.exitCode = 2;
        return;
      }
      const { pino } = await import('pino');
      const server = createRepertoireServer({
        dataDir: options.data,
        databaseUrl: options.databaseUrl ?? process.env.REPERTOIRE_DATABASE_URL,
        redisUrl: options.redisUrl ?? process.env.REPERTOIRE_REDIS_URL,
        ...(peers
          ? { routing: { self: options.instanceUrl as string, peers: peers.split(',') } }
          : {}),
        port: options.port,
        host: options.host,
        webRoot: options.web,
        pluginsDir: options.plugins,
        builtinPluginsDir: PLUGINS_DIR,
        logger: pino({ name: 'repertoire', level: options.logLevel }),
      });
      const sample = options.sample ? await seedSample(server) : undefined;
      const port = await server.listen();
      console.log(`Repertoire is running at http://localhost:${port}`);
      if (sample?.created) {
        console.log(
          `Sample community created. Sign in as ${DEMO_ACCOUNT.email} / password ${DEMO_ACCOUNT.password}`,
        );
        if (sample.note) console.log(`(${sample.note})`);
      } else if (options.sample) {
        console.log(
          `Demo account (if you kept it): ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`,
        );
      }
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await server.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
