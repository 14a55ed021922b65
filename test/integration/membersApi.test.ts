// The plugin API's `members` end to end below the UI: a real server (the CLI, SQLite in a temp
// dir), real accounts signed in over HTTP, the workbench's backend over the server's routes, and
// the real plugin host between a plugin and it. Whoever the plugin is, the server decides.
import { Observable } from '@repertoire/base';
import { createGraphDoc, Workspace } from '@repertoire/core';
import type { PluginContext } from '@repertoire/plugin-api';
import { PluginHost, workspaceGraphBackend } from '@repertoire/plugin-host';
import { ApiClient, SyncClient, type User, type WorkspaceSummary } from '@repertoire/sync';
import { type Peer, sessionMembers } from '@repertoire/workbench';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type RepertoireServerProcess, startRepertoireServer } from '../e2e/repertoireServer.ts';

let server: RepertoireServerProcess;
const hosts: PluginHost[] = [];
const syncs: SyncClient[] = [];

beforeAll(async () => {
  server = await startRepertoireServer();
}, 60_000);

afterAll(async () => {
  for (const host of hosts) await host.shutdown();
  for (const sync of syncs) sync.destroy();
  await server?.close();
});

/** An API client that keeps its session cookie, as a browser does. */
function client(): ApiClient {
  let cookie = '';
  return new ApiClient({
    baseUrl: server.url,
    fetch: async (input, init = {}) => {
      const headers = new Headers(init.headers);
      if (cookie) headers.set('cookie', cookie);
      const response = await fetch(input, { ...init, headers });
      const set = response.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0] ?? '';
      return response;
    },
  });
}

async function account(name: string): Promise<{ api: ApiClient; user: User }> {
  const api = client();
  const user = await api.signUp({
    name,
    email: `${name.toLowerCase()}@school.test`,
    password: 'practice-makes-progress',
  });
  return { api, user };
}

/** A window's real-time connection to the workspace's graph, as its session holds it. */
async function liveSync(api: ApiClient, summary: WorkspaceSummary): Promise<SyncClient> {
  const sync = new SyncClient({
    url: (await api.syncToken()).syncUrl,
    token: async () => (await api.syncToken()).token,
    offlineCache: false,
    WebSocketPolyfill: WebSocket,
  });
  syncs.push(sync);
  await sync.open(`${summary.id}/graph`).whenSynced;
  return sync;
}

/** The `members` API a plugin with both permissions gets in `user`'s window. */
async function pluginMembers(
  session: { api: ApiClient; user: User },
  summary: WorkspaceSummary,
  peers = new Observable<readonly Peer[]>([]),
): Promise<PluginContext['members']> {
  let context: PluginContext | undefined;
  const sync = await liveSync(session.api, summary);
  const backend = sessionMembers({ ...session, summary, peers, sync });
  const host = new PluginHost({
    services: {
      workspace: { id: summary.id, user: { id: session.user.id, name: session.user.name } },
      graph: workspaceGraphBackend(new Workspace(createGraphDoc(), { user: session.user.id })),
      members: backend,
    },
    loadModule: async () => ({
      activate: (c: PluginContext) => {
        context = c;
      },
    }),
  });
  hosts.push(host);
  await host.add([
    {
      packageJson: {
        name: '@test/roster',
        repertoire: {
          id: 'acme.roster',
          displayName: 'Roster',
          version: '1.0.0',
          engines: { repertoire: '^1.4.0' },
          main: './index.js',
          permissions: ['members.read', 'members.manage'],
        },
      },
      builtin: true,
    },
  ]);
  await host.activate('acme.roster');
  if (!context) throw new Error('not activated');
  return context.members;
}

describe('members through the plugin API, over the real server', () => {
  it('lets an owner invite and change roles, and the server refuses the same calls from an editor', async () => {
    const ana = await account('Ana');
    const workspace = await ana.api.createWorkspace('Year 9 e-learning team');
    const asAna = await pluginMembers(ana, workspace);

    // An owner's invitation link, listed with its status; Ben joins with it.
    const link = await asAna.invite({ role: 'editor', maxUses: 3 });
    expect(link.url).toMatch(new RegExp(`^${server.url}/invite/`));
    expect((await asAna.invitations()).map((l) => [l.token, l.role, l.usesLeft])).toEqual([
      [link.token, 'editor', 3],
    ]);
    const ben = await account('Ben');
    const joined = await ben.api.acceptInvitation(link.token);

    // Ben is here (his window's presence carries his account), and listed as an editor.
    const peers = new Observable<readonly Peer[]>([]);
    const asAnaWatching = await pluginMembers(ana, workspace, peers);
    let changes = 0;
    asAnaWatching.onDidChange(() => {
      changes += 1;
    });
    peers.set([{ clientId: 7, userId: ben.user.id, name: 'Ben', colour: '#888' }]);
    expect(changes).toBe(1);
    expect((await asAnaWatching.list()).map((m) => [m.name, m.role, m.here, m.you]).sort()).toEqual(
      [
        ['Ana', 'owner', true, true],
        ['Ben', 'editor', true, false],
      ],
    );

    // Ben's plugin holds members.manage, yet the server lets only owners change anything.
    const asBen = await pluginMembers(ben, joined);
    await expect(asBen.setRole(ana.user.id, 'viewer')).rejects.toMatchObject({ status: 403 });
    await expect(asBen.invite({ role: 'editor' })).rejects.toMatchObject({ status: 403 });
    await expect(asBen.invitations()).rejects.toMatchObject({ status: 403 });
    await expect(asBen.revokeInvitation(link.token)).rejects.toMatchObject({ status: 403 });
    await expect(asBen.remove(ana.user.id)).rejects.toMatchObject({ status: 403 });
    expect((await asBen.list()).find((m) => m.name === 'Ana')?.role).toBe('owner');

    // The owner makes Ben a viewer, revokes the link; then removes Ben.
    expect((await asAna.setRole(ben.user.id, 'viewer')).role).toBe('viewer');
    expect((await asBen.list()).find((m) => m.you)?.role).toBe('viewer');
    await asAna.revokeInvitation(link.token);
    expect(await asAna.invitations()).toEqual([]);
    await asAna.remove(ben.user.id);
    expect((await asAna.list()).map((m) => m.name)).toEqual(['Ana']);
    await expect(asBen.list()).rejects.toMatchObject({ status: 403 });
  }, 60_000);

  it("fires onDidChange in an owner's window when another owner changes a role from theirs", async () => {
    const ana = await account('Ada');
    const workspace = await ana.api.createWorkspace('Maths department');
    const asAna = await pluginMembers(ana, workspace);
    const cleo = await account('Cleo');
    const dev = await account('Dev');
    const { token } = await asAna.invite({ role: 'editor', maxUses: 2 });
    const cleoWorkspace = await cleo.api.acceptInvitation(token);
    await dev.api.acceptInvitation(token);
    await asAna.setRole(cleo.user.id, 'owner');

    // Cleo's window, another owner's, follows the list; Ana changes Dev's role from hers.
    const asCleo = await pluginMembers(cleo, cleoWorkspace);
    let heard = 0;
    asCleo.onDidChange(() => {
      heard += 1;
    });
    await asAna.setRole(dev.user.id, 'viewer');
    await expect.poll(() => heard, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await asCleo.list()).find((m) => m.name === 'Dev')?.role).toBe('viewer');

    // And when Ana removes Dev.
    const before = heard;
    await asAna.remove(dev.user.id);
    await expect.poll(() => heard, { timeout: 10_000 }).toBeGreaterThan(before);
    expect((await asCleo.list()).map((m) => m.name).sort()).toEqual(['Ada', 'Cleo']);
  }, 60_000);
});
