import { writeMarkdownDocument } from '@repertoire/editor/headless';
import {
  loadSampleCommunity as loadSample,
  type SampleOptions,
  type SampleSummary,
  sampleDates,
} from '@repertoire/plugin-sample-community';
import { linkMember, type RepertoireServer } from '@repertoire/server';
import * as Y from 'yjs';
import { loadSampleHealthChecks } from './sampleHealthChecks.ts';

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
 * community into its graph and its meetings' and artifacts' documents, its dates moved forward by
 * `shiftWeeks` whole weeks (0: the 2025 school year as written).
 * Returns what it did, for the start output.
 */
export async function seedSample(
  server: RepertoireServer,
  options: { shiftWeeks?: number } = {},
): Promise<{ created: boolean; workspaceId?: string; sampleLoaded?: boolean; note?: string }> {
  const shiftWeeks = options.shiftWeeks ?? 0;
  const { accounts, workspaces } = server.services;
  if ((await accounts.count()) > 0) return { created: false };
  const user = await accounts.create(DEMO_ACCOUNT);
  const workspace = await workspaces.create('Sample community', user.id);
  const loaded = await loadSampleCommunity(server, workspace.id, user.id, shiftWeeks);
  // Accounts are members: the demo account is the sample's coordinator, Lucía Fernández.
  if (loaded.sampleLoaded) await linkMember(server.services.db, workspace.id, user.id, DEMO_MEMBER);
  if (loaded.sampleLoaded)
    await loadSampleHealthChecks(server, workspace.id, user.id, sampleDates(shiftWeeks));
  return { created: true, workspaceId: workspace.id, ...loaded };
}

async function loadSampleCommunity(
  server: RepertoireServer,
  workspaceId: string,
  userId: string,
  shiftWeeks: number,
): Promise<{ sampleLoaded: boolean; note?: string }> {
  // The loader writes each document while it builds the graph, in one synchronous pass; the
  // headless editor writes them into documents of their own here, stored once the graph is.
  const contents = new Map<string, Y.Doc>();
  const writeDocument: SampleOptions['writeDocument'] = (id, markdown) => {
    const doc = new Y.Doc();
    contents.set(id, doc);
    return writeMarkdownDocument(doc, markdown).map((target) => target.entityId);
  };
  const graph = await server.openDocument(`${workspaceId}/graph`);
  let summary: SampleSummary | undefined;
  try {
    await graph.transact((doc) => {
      summary = loadSample(doc, { user: userId, id: workspaceId, writeDocument, shiftWeeks });
    });
  } finally {
    await graph.disconnect();
  }
  for (const [id, content] of contents) {
    const connection = await server.openDocument(`${workspaceId}/doc/${id}`);
    try {
      await connection.transact((doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(content)));
    } finally {
      await connection.disconnect();
    }
  }
  return {
    sampleLoaded: summary?.loaded ?? false,
    note:
      summary &&
      `${summary.entities} entities, ${summary.relations} relations and ${summary.documents} documents`,
  };
}
