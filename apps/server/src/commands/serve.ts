import { weeksToNow } from '@repertoire/plugin-sample-community';
import { createRepertoireServer } from '@repertoire/server';
import type { Command } from 'commander';
import { calendarFeedRoutes } from '../calendarFeed/calendarFeedRoutes.ts';
import { PLUGINS_DIR, WEB_ROOT } from '../paths.ts';
import { pluginChanges } from '../pluginDev/pluginChanges.ts';
import { DEMO_ACCOUNT, seedSample } from '../sample.ts';

const MIB = 1024 * 1024;

function megabytes(value: string): number {
  return Number(value);
}

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
    .option(
      '--public-url <url>',
      'the URL members use, e.g. https://cop.example.org: https sets Secure cookies and wss:// URLs, and only its origin may change state (env REPERTOIRE_PUBLIC_URL)',
    )
    .option(
      '--trusted-proxy <addresses>',
      "comma-separated reverse proxies whose X-Forwarded-For is believed: addresses, CIDR ranges, 'loopback', 'uniquelocal' (env REPERTOIRE_TRUSTED_PROXIES)",
    )
    .option('--metrics <access>', "who may read /metrics: 'loopback' or 'public'", 'loopback')
    .option(
      '--metrics-token <token>',
      '/metrics answers only with Authorization: Bearer <token> (env REPERTOIRE_METRICS_TOKEN)',
    )
    .option('--max-import-mb <n>', 'largest workspace archive an import accepts', megabytes, 32)
    .option('--workspace-quota-mb <n>', 'storage one workspace may use', megabytes, 256)
    .option('--user-quota-mb <n>', 'storage of all the workspaces a member owns', megabytes, 1024)
    .option('--sample', 'on first start, create a demo account and a sample community')
    .option(
      '--sample-dates <when>',
      "'recent' moves the sample's year so its last meeting is this week; 'as-written' keeps 2025",
      'recent',
    )
    .option(
      '--dev',
      'plugin development: watch the --plugins folder and reload a changed plugin in open workbenches',
    )
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
      if (options.metrics !== 'loopback' && options.metrics !== 'public') {
        console.error(`--metrics: '${options.metrics}' must be 'loopback' or 'public'`);
        process.exitCode = 2;
        return;
      }
      for (const flag of ['maxImportMb', 'workspaceQuotaMb', 'userQuotaMb'] as const)
        if (!(options[flag] > 0)) {
          console.error(
            `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: must be a positive number of MiB`,
          );
          process.exitCode = 2;
          return;
        }
      if (options.sampleDates !== 'recent' && options.sampleDates !== 'as-written') {
        console.error(`--sample-dates: '${options.sampleDates}' must be 'recent' or 'as-written'`);
        process.exitCode = 2;
        return;
      }
      const metricsToken: string | undefined =
        options.metricsToken ?? process.env.REPERTOIRE_METRICS_TOKEN;
      const trusted: string | undefined =
        options.trustedProxy ?? process.env.REPERTOIRE_TRUSTED_PROXIES;
      const { pino } = await import('pino');
      const dev = options.dev ? pluginChanges(options.plugins) : undefined;
      const server = await createRepertoireServer({
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
        publicUrl: options.publicUrl ?? process.env.REPERTOIRE_PUBLIC_URL,
        ...(trusted ? { trustedProxies: trusted.split(',').map((a) => a.trim()) } : {}),
        metricsAccess: metricsToken ? { token: metricsToken } : options.metrics,
        limits: {
          maxImportBytes: options.maxImportMb * MIB,
          maxWorkspaceBytes: options.workspaceQuotaMb * MIB,
          maxUserBytes: options.userQuotaMb * MIB,
        },
        logger: pino({ name: 'repertoire', level: options.logLevel }),
        routes: [...(dev ? [dev.routes] : []), calendarFeedRoutes()],
      });
      const sample = options.sample
        ? await seedSample(server, {
            shiftWeeks: options.sampleDates === 'recent' ? weeksToNow(Date.now()) : 0,
          })
        : undefined;
      const port = await server.listen();
      console.log(
        `Repertoire is running at http://localhost:${port}${options.publicUrl ? ` (public URL ${options.publicUrl})` : ''}`,
      );
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
        dev?.close();
        await server.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
