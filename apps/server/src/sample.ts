import type { RepertoireServer } from '@repertoire/server';

/** The demo account `--sample` creates, printed at start so a newcomer can sign in. */
export const DEMO_ACCOUNT = {
  email: 'demo@repertoire.local',
  password: 'repertoire-demo',
  name: 'Demo Member',
};

/**
 * On an empty store: creates the demo account and a sample workspace, and loads the sample
 * community into its graph through the sample-community plugin (when it is installed).
 * Returns what it did, for the start output.
 */
export async function seedSample(
  server: RepertoireServer,
): Promise<{ created: boolean; workspaceId?: string; sampleLoaded?: boolean; note?: string }> {
  const { accounts, workspaces } = server.services;
  if (accounts.count() > 0) return { created: false };
  const user = await accounts.create(DEMO_ACCOUNT);
  const workspace = workspaces.create('Sample community', user.id);
  const loaded = await loadSampleCommunity(server, workspace.id, user.id);
  return { created: true, workspaceId: workspace.id, ...loaded };
}

async function loadSampleCommunity(
  server: RepertoireServer,
  workspaceId: string,
  userId: string,
): Promise<{ sampleLoaded: boolean; note?: string }> {
  // Loaded by name at run time so the server starts even before the plugin and core exist.
  const pluginName = '@repertoire/plugin-sample-community';
  const coreName = '@repertoire/core';
  let plugin: { loadSampleCommunity?: (workspace: unknown) => unknown };
  let core: { Workspace?: new (doc: unknown, options: { user: string; id?: string }) => unknown };
  try {
    plugin = await import(pluginName);
    core = await import(coreName);
  } catch (error) {
    return {
      sampleLoaded: false,
      note: `sample community not loaded (${(error as Error).message})`,
    };
  }
  const { loadSampleCommunity: load } = plugin;
  const { Workspace } = core;
  if (!load || !Workspace)
    return { sampleLoaded: false, note: 'sample community plugin has no loadSampleCommunity' };
  const connection = await server.openDocument(`${workspaceId}/graph`);
  try {
    await connection.transact(async (doc) => {
      await load(new Workspace(doc, { user: userId, id: workspaceId }));
    });
  } finally {
    await connection.disconnect();
  }
  return { sampleLoaded: true };
}
