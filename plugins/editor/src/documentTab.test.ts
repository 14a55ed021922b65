// @vitest-environment happy-dom
import { createGraphDoc, Workspace } from '@repertoire/core';
import type { CustomViewContext } from '@repertoire/plugin-api';
import {
  createHeadlessHost,
  type HeadlessHost,
  headlessPluginContext,
} from '@repertoire/plugin-host';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DocumentHeading, followDocumentHeading } from './documentEntity.ts';
import * as editor from './index.ts';

/** An artifact kind, as the artifacts plugin declares it (only what these tests need). */
const artifacts = {
  packageJson: {
    name: 'test-artifacts',
    repertoire: {
      id: 'repertoire.artifacts',
      displayName: 'Artifacts',
      version: '0.1.0',
      engines: { repertoire: '^1.0.0' },
      main: './index.js',
      contributes: {
        entityKinds: [
          {
            kind: 'artifact',
            label: 'Artifact',
            pluralLabel: 'Artifacts',
            icon: 'file-text',
            colour: '#6a4c93',
            fields: [],
          },
        ],
      },
    },
  },
};

/** The editor's chunk (Lexical) loads with the first view: wait for it as long as a busy machine needs. */
const SLOW = { timeout: 20_000 };

const hosts: HeadlessHost['host'][] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
  document.body.replaceChildren();
});

async function open() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = createHeadlessHost(workspace, {
    userName: 'Ana',
    modules: {
      'repertoire.editor': async () => editor,
      'test.artifacts': async () => ({ activate() {} }),
    },
  });
  hosts.push(host);
  await host.add([artifacts, editor].map((p) => ({ packageJson: p.packageJson, builtin: true })));
  await host.start();
  const notes = workspace.createEntity({ kind: 'artifact', title: 'Rubric', document: true });
  return { workspace, host, ui, id: notes.id };
}

/** The view context the workbench gives a document's tab (or, `embedded`, an entity page's). */
const viewContext = (entityId: string, extra: Partial<CustomViewContext> = {}) =>
  ({
    entityId,
    member: { id: 'ana', name: 'Ana', colour: '#0d74ce' },
    readOnly: false,
    theme: 'light',
    onDidChangeTheme: () => ({ dispose() {} }),
    openEntity: () => undefined,
    peers: () => [],
    onDidChangePeers: () => ({ dispose() {} }),
    ...extra,
  }) as CustomViewContext;

function mount(host: HeadlessHost['host'], context: CustomViewContext) {
  const provider = host.customViews.documentEditor()?.provider;
  if (!provider) throw new Error('no document editor');
  const element = document.createElement('div');
  document.body.append(element);
  return { element, mounted: provider.mount(element, context) };
}

describe("a document's tab, drawn by the editor plugin", () => {
  it('shows the title as it is renamed, "Details and links" to its page, and the editor', async () => {
    const { host, ui, workspace, id } = await open();
    const { element, mounted } = mount(host, viewContext(id));
    const title = () => element.querySelector('.rp-document-page h1')?.textContent;
    await vi.waitFor(() => expect(title()).toBe('Rubric'), SLOW);
    workspace.updateEntity(id, { title: 'Feedback rubric' });
    await vi.waitFor(() => expect(title()).toBe('Feedback rubric'));
    expect(element.querySelector('[role=note]')).toBeNull();
    const details = [...element.querySelectorAll('button')].find(
      (b) => b.textContent === 'Details and links',
    );
    details?.click();
    await vi.waitFor(() => expect(ui.opened).toContain(id));
    mounted.dispose();
  });

  it('tells a viewer why they only read, and says so when the document is deleted', async () => {
    const { host, workspace, id } = await open();
    const reason = 'You are a viewer in Year 9: you can read everything but not change it.';
    const { element } = mount(host, viewContext(id, { readOnly: true, readOnlyReason: reason }));
    await vi.waitFor(
      () => expect(element.querySelector('.rp-banner[role=note]')?.textContent).toBe(reason),
      SLOW,
    );
    workspace.deleteEntity(id);
    await vi.waitFor(() =>
      expect(element.textContent).toContain(
        'This document was deleted, or has not reached this device yet.',
      ),
    );
    expect(element.querySelector('h1')).toBeNull();
  });

  it('embedded in an entity page, leaves the title and banner to the page', async () => {
    const { host, id } = await open();
    const { element } = mount(host, viewContext(id, { embedded: true, readOnly: true }));
    // The editor's own pane says how opening went (here there is no live document backend).
    await vi.waitFor(
      () => expect(element.textContent).toMatch(/document could not be opened/),
      SLOW,
    );
    expect(element.querySelector('h1')).toBeNull();
    expect(element.querySelector('.rp-banner')).toBeNull();
    expect(element.textContent).not.toContain('Details and links');
  });
});

it('follows the entity behind a tab: loading, its title, renames; an entry without a document is missing', async () => {
  const { workspace, id } = await open();
  const reader = await headlessPluginContext(workspace, ['graph.read']);
  hosts.push(reader.host);
  const seen: DocumentHeading[] = [];
  const followed = followDocumentHeading(reader.context.graph, id, (h) => seen.push(h));
  await vi.waitFor(() => expect(seen.at(-1)).toEqual({ state: 'shown', title: 'Rubric' }));
  workspace.updateEntity(id, { title: 'Rubric v2' });
  workspace.updateEntity(id, { title: 'Rubric v2' });
  expect(seen).toEqual([
    { state: 'loading' },
    { state: 'shown', title: 'Rubric' },
    { state: 'shown', title: 'Rubric v2' },
  ]);
  followed.dispose();
  workspace.updateEntity(id, { title: 'Rubric v3' });
  expect(seen).toHaveLength(3);
  const plain = workspace.createEntity({ kind: 'artifact', title: 'No text' }).id;
  const other: DocumentHeading[] = [];
  const follows = followDocumentHeading(reader.context.graph, plain, (h) => other.push(h));
  await vi.waitFor(() => expect(other).toEqual([{ state: 'loading' }, { state: 'missing' }]));
  follows.dispose();
});
