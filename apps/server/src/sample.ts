import {
  loadSampleCommunity as loadSample,
  type SampleSummary,
} from '@repertoire/plugin-sample-community';
import { linkMember, type RepertoireServer } from '@repertoire/server';

/** The demo account `--sample` creates, printed at start so a newcomer can sign in. */
export const DEMO_ACCOUNT = {
  email: 'demo@repertoire.local',
  password: 'repertoire-demo',
  name: 'Demo Member',
};

/** The sample's member entity the demo account is linked to. */
export const DEMO_MEMBER = 'sample-member-lucia';

/**
 * On an empty store: creates the demo account and a sample workspace, and loads the sample
 * community into its graph.
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
  // Accounts are members: the demo account is the sample's coordinator, Lucía Fernández.
  if (loaded.sampleLoaded) linkMember(server.services.db, workspace.id, user.id, DEMO_MEMBER);
  return { created: true, workspaceId: workspace.id, ...loaded };
}

async function loadSampleCommunity(
  server: RepertoireServer,
  workspaceId: string,
  userId: string,
): Promise<{ sampleLoaded: boolean; note?: string }> {
  const connection = await server.openDocument(`${workspaceId}/graph`);
  try {
    let summary: SampleSummary | undefined;
    await connection.transact((doc) => {
      summary = loadSample(doc, { user: userId, id: workspaceId });
    });
    return {
      sampleLoaded: summary?.loaded ?? false,
      note: summary && `${summary.entities} entities and ${summary.relations} relations`,
    };
  } finally {
    await connection.disconnect();
  }
}
