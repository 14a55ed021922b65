import { createGraphDoc, Workspace } from '@repertoire/core';
import {
  type LiveDocument,
  PermissionDeniedError,
  type PluginPermission,
} from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { headlessPluginContext } from './headlessHost.ts';
import { MemoryLiveDocuments } from './memoryDocuments.ts';

/** A plugin's context with `permissions` over a workspace whose documents live in memory. */
async function withDocuments(permissions: PluginPermission[]) {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const documents = new MemoryLiveDocuments((id) => id.startsWith('doc'), 'ana');
  const shared = documents.document('doc1');
  shared.doc.getText('t').insert(0, 'Walkthroughs');
  const { context, host } = await headlessPluginContext(workspace, permissions, {
    liveDocuments: documents,
  });
  return { context, host, documents, shared };
}

/** The plugin's own copy of a live document, kept in step the documented way. */
async function replica(live: LiveDocument) {
  const doc = new Y.Doc();
  live.onDidUpdate((update) => Y.applyUpdate(doc, update, live));
  Y.applyUpdate(doc, await live.state(), live);
  return doc;
}

describe('documents.openLive (a live document the host owns)', () => {
  it('gives a reader the content and every later change, as Yjs updates only', async () => {
    const { context, shared } = await withDocuments(['documents.read']);
    const live = await context.documents.openLive('doc1');
    const copy = await replica(live);
    expect(copy.getText('t').toString()).toBe('Walkthroughs');
    shared.doc.getText('t').insert(12, ' in spring');
    expect(copy.getText('t').toString()).toBe('Walkthroughs in spring');
    // The binding carries no handle to the host's document or connection.
    expect(Object.values(live).some((v) => v === shared.doc || v === shared.awareness)).toBe(false);
    expect(live.writable).toBe(false);
  });

  it("refuses a reader's update and changes nothing", async () => {
    const { context, shared } = await withDocuments(['documents.read']);
    const live = await context.documents.openLive('doc1');
    const copy = await replica(live);
    copy.getText('t').insert(0, 'Vandalised ');
    await expect(live.update(Y.encodeStateAsUpdate(copy))).rejects.toThrow(PermissionDeniedError);
    await expect(live.setMentions(['e1'])).rejects.toThrow(/documents\.write/);
    expect(shared.doc.getText('t').toString()).toBe('Walkthroughs');
  });

  it('refuses a plugin without documents.read, and a non-document', async () => {
    const { context } = await withDocuments(['graph.read']);
    await expect(context.documents.openLive('doc1')).rejects.toThrow(/documents\.read/);
    const reader = await withDocuments(['documents.read']);
    await expect(reader.context.documents.openLive('member1')).rejects.toThrow(
      /has no co-edited document/,
    );
  });

  it("applies a writer's changes to the shared document, but not a viewer's", async () => {
    const { context, shared, documents } = await withDocuments([
      'documents.read',
      'documents.write',
    ]);
    const live = await context.documents.openLive('doc1');
    expect(live.writable).toBe(true);
    const copy = await replica(live);
    const sent: Uint8Array[] = [];
    copy.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== live) sent.push(update);
    });
    copy.getText('t').insert(0, 'Learning ');
    await live.update(sent[0] as Uint8Array);
    expect(shared.doc.getText('t').toString()).toBe('Learning Walkthroughs');
    await live.setMentions(['p1']);
    expect(documents.mentions('doc1')).toEqual(['p1']);

    documents.canEdit = false;
    expect(live.writable).toBe(false);
    copy.getText('t').insert(0, 'Not ');
    await expect(live.update(sent[1] as Uint8Array)).rejects.toThrow(/read-only/);
    expect(shared.doc.getText('t').toString()).toBe('Learning Walkthroughs');
  });

  it('rejects bytes that are not a Yjs update, changing nothing', async () => {
    const { context, shared } = await withDocuments(['documents.read', 'documents.write']);
    const live = await context.documents.openLive('doc1');
    await expect(live.update(new Uint8Array([255, 255, 255, 1, 2]))).rejects.toThrow(
      /not a Yjs update/,
    );
    await expect(live.update('text' as never)).rejects.toThrow(/Uint8Array/);
    expect(shared.doc.getText('t').toString()).toBe('Walkthroughs');
  });

  it("relays other members' presence, never the member's own, and publishes theirs", async () => {
    const { context, shared } = await withDocuments(['documents.read']);
    const live = await context.documents.openLive('doc1');
    const mine = new Awareness(new Y.Doc());
    live.onDidChangePresence((update) => applyAwarenessUpdate(mine, update, live));
    // Another member's client joins the shared awareness.
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ user: { name: 'Ben' } });
    applyAwarenessUpdate(shared.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'net');
    expect(mine.getStates().get(other.clientID)).toEqual({ user: { name: 'Ben' } });
    live.setPresence({ user: { name: 'Ana' } });
    expect(shared.awareness.getLocalState()).toEqual({ user: { name: 'Ana' } });
    expect(mine.getStates().has(shared.awareness.clientID)).toBe(false);
  });

  it('closes with the plugin: deactivating releases every document it left open', async () => {
    const { context, host, documents } = await withDocuments(['documents.read']);
    await context.documents.openLive('doc1');
    await context.documents.openLive('doc2');
    expect(documents.openCount).toBe(2);
    await host.setEnabled('test.probe', false);
    expect(documents.openCount).toBe(0);
  });
});

describe('document versions through the API', () => {
  it('saves with documents.write and lists and loads with documents.read', async () => {
    const writer = await withDocuments(['documents.read', 'documents.write']);
    const saved = await writer.context.documents.saveVersion('doc1', ' Before the walk ');
    expect(saved.name).toBe('Before the walk');
    writer.shared.doc.getText('t').insert(0, 'Changed ');
    expect((await writer.context.documents.versions('doc1')).map((v) => v.name)).toEqual([
      'Before the walk',
    ]);
    const then = new Y.Doc();
    Y.applyUpdate(then, await writer.context.documents.loadVersion('doc1', saved.id));
    expect(then.getText('t').toString()).toBe('Walkthroughs');
    await expect(writer.context.documents.saveVersion('doc1', '  ')).rejects.toThrow(/name/);
  });

  it('refuses a reader saving a version, and a plugin without documents.read listing them', async () => {
    const reader = await withDocuments(['documents.read']);
    await expect(reader.context.documents.saveVersion('doc1', 'Mine')).rejects.toThrow(
      PermissionDeniedError,
    );
    expect(await reader.context.documents.versions('doc1')).toEqual([]);
    const stranger = await withDocuments(['graph.read']);
    await expect(stranger.context.documents.versions('doc1')).rejects.toThrow(/documents\.read/);
  });
});
