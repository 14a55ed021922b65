// The editor's named versions over the real server's history routes (apps/server with the sample
// community, SQLite in a temp dir): what the workbench passes to DocumentEditor as `versions`.
import { HocuspocusProvider } from '@hocuspocus/provider';
import {
  bindEditorToYDoc,
  createDocumentEditor,
  httpDocumentVersions,
  restoreVersion,
  versionEditorState,
} from '@repertoire/editor';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type RepertoireServerProcess, startRepertoireServer } from './repertoireServer.ts';

let server: RepertoireServerProcess;
let origin: string;
let cookie = '';
let workspaceId = '';
let documentId = '';
let writeLater: (text: string) => void = () => {};
let synced: () => Promise<void> = async () => {};
let closeWriter: () => void = () => {};

/** The global fetch with the signed-in member's session cookie, as a browser would send it. */
const memberFetch: typeof fetch = (input, init) =>
  fetch(input, {
    ...init,
    headers: {
      ...(init?.headers as Record<string, string>),
      cookie: `repertoire_session=${cookie}`,
    },
  });

beforeAll(async () => {
  server = await startRepertoireServer({ sample: true });
  origin = server.url;
  const signIn = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@repertoire.local', password: 'repertoire-demo' }),
  });
  cookie = signIn.headers.get('set-cookie')?.split(';')[0]?.split('=')[1] ?? '';
  const me = (await (await memberFetch(`${origin}/api/me`)).json()) as {
    workspaces: { id: string }[];
  };
  workspaceId = me.workspaces[0]?.id ?? '';
  // Write a document over the sync connection, as a member's editor would.
  documentId = 'd-versions';
  const { token, syncUrl } = (await (
    await memberFetch(`${origin}/api/sync-token`, { method: 'POST' })
  ).json()) as { token: string; syncUrl: string };
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: syncUrl,
    name: `${workspaceId}/doc/${documentId}`,
    document: doc,
    token,
  });
  await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  const writer = createDocumentEditor();
  const binding = bindEditorToYDoc(writer, doc, { bootstrap: true });
  writer.update(
    () => {
      const paragraph = $createParagraphNode().append($createTextNode('Norms we agreed on'));
      $getRoot().clear().append(paragraph);
    },
    { discrete: true },
  );
  for (let i = 0; i < 100 && provider.hasUnsyncedChanges; i++)
    await new Promise((r) => setTimeout(r, 50));
  writeLater = (text: string) =>
    writer.update(() => $getRoot().append($createParagraphNode().append($createTextNode(text))), {
      discrete: true,
    });
  synced = async () => {
    for (let i = 0; i < 100 && provider.hasUnsyncedChanges; i++)
      await new Promise((r) => setTimeout(r, 50));
  };
  closeWriter = () => {
    binding.dispose();
    provider.destroy();
  };
}, 120_000);

afterAll(async () => {
  closeWriter();
  await server?.close();
});

describe('named versions over the server', () => {
  it('saves, lists and loads a version of a sample document, which restores into an editor', async () => {
    expect(documentId).not.toBe('');
    const versions = httpDocumentVersions({
      workspaceId,
      documentId,
      baseUrl: origin,
      fetch: memberFetch,
    });
    const saved = await versions.save('Before the meeting');
    writeLater('Added after the version');
    await synced();
    expect(saved.name).toBe('Before the meeting');
    expect((await versions.list()).map((v) => v.name)).toContain('Before the meeting');
    const update = await versions.load(saved.id);
    const state = versionEditorState(update);
    expect(JSON.stringify(state)).toContain('Norms we agreed on');
    const latest = await versions.save('After');
    expect(JSON.stringify(versionEditorState(await versions.load(latest.id)))).toContain(
      'Added after the version',
    );
    const editor = createDocumentEditor();
    restoreVersion(editor, update);
    expect(editor.read(() => $getRoot().getTextContent())).toBe('Norms we agreed on');
  });

  it("refuses a nameless version with the server's message, and an unknown one", async () => {
    const versions = httpDocumentVersions({
      workspaceId,
      documentId,
      baseUrl: origin,
      fetch: memberFetch,
    });
    await expect(versions.save('')).rejects.toThrow(/name/i);
    await expect(versions.load('no-such-version')).rejects.toThrow();
  });
});
