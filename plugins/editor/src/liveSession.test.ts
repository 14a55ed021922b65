import { createGraphDoc, Workspace } from '@repertoire/core';
import type { PluginPermission } from '@repertoire/plugin-api';
import { headlessPluginContext, MemoryLiveDocuments } from '@repertoire/plugin-host';
import { describe, expect, it } from 'vitest';
import type { Awareness } from 'y-protocols/awareness';
import { liveCollabSession } from './liveSession.ts';

async function open(permissions: PluginPermission[]) {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const documents = new MemoryLiveDocuments();
  const shared = documents.document('d1');
  shared.doc.getText('t').insert(0, 'Agenda');
  const { context } = await headlessPluginContext(workspace, permissions, {
    liveDocuments: documents,
  });
  const errors: unknown[] = [];
  const live = await context.documents.openLive('d1');
  const session = liveCollabSession(live, (e) => errors.push(e));
  const synced = new Promise<boolean>((resolve) =>
    session.provider.on('sync', resolve as (s: boolean) => void),
  );
  return { shared, session, synced, errors, live, documents };
}

describe("the editor's session over a live document", () => {
  it('holds the shared content once synced and follows changes both ways', async () => {
    const { shared, session, synced, errors } = await open(['documents.read', 'documents.write']);
    expect(await synced).toBe(true);
    expect(session.doc.getText('t').toString()).toBe('Agenda');
    expect(session.doc).not.toBe(shared.doc);
    session.doc.getText('t').insert(6, ' for May');
    await expect.poll(() => shared.doc.getText('t').toString()).toBe('Agenda for May');
    shared.doc.getText('t').insert(0, 'Draft ');
    expect(session.doc.getText('t').toString()).toBe('Draft Agenda for May');
    expect(errors).toEqual([]);
  });

  it("keeps a reader's typing in its own copy: nothing reaches the shared document", async () => {
    const { shared, session, synced, errors } = await open(['documents.read']);
    await synced;
    session.doc.getText('t').insert(0, 'Mine ');
    await new Promise((r) => setTimeout(r, 10));
    expect(shared.doc.getText('t').toString()).toBe('Agenda');
    expect(errors).toEqual([]);
  });

  it("publishes the member's cursor to the shared awareness", async () => {
    const { shared, session, synced } = await open(['documents.read', 'documents.write']);
    await synced;
    // The editor's awareness is a y-protocols Awareness; its type in Lexical's shape is narrower.
    (session.provider.awareness as unknown as Awareness).setLocalState({
      name: 'Ana',
      colour: '#f00',
    });
    expect(shared.awareness.getLocalState()).toEqual({ name: 'Ana', colour: '#f00' });
  });
});
