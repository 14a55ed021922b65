import { fileURLToPath } from 'node:url';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { MENTIONS, Workspace } from '@repertoire/core';
import { startPostgresRetrying, type TempDir, tempDir } from '@repertoire/testing';
import { pino } from 'pino';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  createRepertoireServer,
  type RepertoireServer,
  type RepertoireServerOptions,
} from '../createRepertoireServer.ts';
import { readServerKinds } from '../sync/serverKinds.ts';

/** The repository's built-in plugins, whose kinds the test servers validate graph updates against. */
export const BUILTIN_PLUGINS_DIR = fileURLToPath(new URL('../../../../plugins', import.meta.url));

/**
 * A Workspace over `doc` (a graph document a provider syncs) for `user`, knowing the built-in
 * plugins' kinds, so tests write the graph the way the app does and the server accepts it.
 */
export function graphWorkspace(doc: Y.Doc, user: string): Workspace {
  const workspace = new Workspace(doc, { user });
  const kinds = readServerKinds([BUILTIN_PLUGINS_DIR]);
  for (const k of kinds.entityKinds()) workspace.registerEntityKind(k);
  for (const r of kinds.relationKinds()) if (r.type !== MENTIONS) workspace.registerRelationKind(r);
  return workspace;
}

/** A real server on a free port with a temp data dir, for integration tests. */
export interface TestServer {
  server: RepertoireServer;
  dir: TempDir;
  base: string;
  ws: string;
  stop(): Promise<void>;
}

/**
 * `REPERTOIRE_TEST_STORE=postgres` runs every suite that starts its server here on PostgreSQL
 * (a server of its own per test server) instead of SQLite, unless the suite chose a store itself.
 */
const onPostgres = process.env.REPERTOIRE_TEST_STORE === 'postgres';

export async function startTestServer(
  options: Partial<RepertoireServerOptions> & {
    /** Stay on SQLite under `REPERTOIRE_TEST_STORE=postgres` (a test of the SQLite file itself). */
    sqliteOnly?: boolean;
  } = {},
): Promise<TestServer> {
  const { sqliteOnly, ...serverOptions } = options;
  const dir = options.dataDir ? undefined : await tempDir('repertoire-server-');
  const postgres =
    onPostgres && !sqliteOnly && !options.databaseUrl && !options.dataDir
      ? await startPostgresRetrying()
      : undefined;
  const server = await createRepertoireServer({
    dataDir: options.dataDir ?? (dir as TempDir).path,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    builtinPluginsDir: BUILTIN_PLUGINS_DIR,
    ...(postgres ? { databaseUrl: postgres.url } : {}),
    ...serverOptions,
  });
  const port = await server.listen();
  return {
    server,
    dir: dir as TempDir,
    base: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      await postgres?.stop();
      await dir?.dispose();
    },
  };
}

/** A signed-in API client keeping its session cookie. */
export class ApiClient {
  readonly base: string;
  cookie = '';
  constructor(base: string) {
    this.base = base;
  }

  // biome-ignore lint/suspicious/noExplicitAny: tests read API responses field by field and assert on them.
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] as string;
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  static async signUp(base: string, name: string): Promise<ApiClient> {
    const client = new ApiClient(base);
    const email = `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.org`;
    const result = await client.call('POST', '/api/auth/sign-up', {
      email,
      password: 'correct horse',
      name,
    });
    if (result.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(result.body)}`);
    client.userId = result.body.user.id;
    client.email = email;
    return client;
  }
  userId = '';
  email = '';

  async token(): Promise<string> {
    const result = await this.call('POST', '/api/sync-token');
    return result.body.token as string;
  }
}

/** A HocuspocusProvider on `name` with a fresh doc, resolved once synced (or rejected on auth failure). */
export async function connectProvider(
  ws: string,
  name: string,
  token: string | (() => Promise<string>),
  doc = new Y.Doc(),
): Promise<HocuspocusProvider> {
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      url: `${ws}/sync`,
      name,
      document: doc,
      token,
      WebSocketPolyfill: WebSocket,
      onSynced: () => resolve(provider),
      onAuthenticationFailed: ({ reason }) => {
        provider.destroy();
        reject(new Error(reason));
      },
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  });
}

/** Resolves when `predicate` holds, polling; rejects after `timeoutMs`. */
export async function eventually(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves once every local change of `provider` is acknowledged by the server. */
export function acknowledged(provider: HocuspocusProvider, timeoutMs = 10_000): Promise<void> {
  return eventually(() => provider.unsyncedChanges === 0, timeoutMs, 'acknowledgement');
}
