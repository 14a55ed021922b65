import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginContext } from '@repertoire/plugin-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSandbox } from './sandbox/nodeSandbox.ts';
import { manifest, pkg, testbed } from './testbed.ts';

// Declarative list, form and chart views and analyses (API 1.4), in the page and in the Worker
// sandbox: the plugin sends plain data, the host checks it (content, form values, results) before
// the workbench sees it, and garbage is refused with an error naming the field.
const dir = mkdtempSync(join(tmpdir(), 'repertoire-declarative-'));
const baseUrl = `${pathToFileURL(dir).href}/`;

const source = `export function activate(ctx) {
  const listeners = new Set();
  const onDidChange = (listener) => {
    listeners.add(listener);
    return { dispose: () => listeners.delete(listener) };
  };
  const changed = () => { for (const l of listeners) l(); };
  const moods = ['glad', 'sad'];
  const byMood = async () => {
    const notes = await ctx.graph.entities({ kind: 'acme.notes/note' });
    return {
      type: 'chart', chart: 'bar', title: 'Notes by mood', labels: moods,
      series: [{ label: 'Notes', data: moods.map((m) => notes.filter((n) => n.fields.mood === m).length) }],
    };
  };
  ctx.subscriptions.push(
    ctx.views.registerViewProvider('acme.notes', {
      onDidChange,
      async resolve() {
        const notes = await ctx.graph.entities({ kind: 'acme.notes/note' });
        return {
          type: 'list', emptyText: 'No notes yet: add one with the form.',
          items: notes.map((n) => ({ id: n.id, label: n.title, description: n.fields.mood, icon: 'file-text', entityId: n.id })),
        };
      },
    }),
    ctx.views.registerViewProvider('acme.addNote', {
      resolve: () => ({
        type: 'form', title: 'Add a note', submitLabel: 'Add',
        fields: [
          { name: 'title', label: 'Title', type: 'string', required: true },
          { name: 'mood', label: 'Mood', type: 'enum', options: moods, required: true },
          { name: 'weight', label: 'Weight', type: 'number', min: 1, max: 5 },
          { name: 'private', label: 'Private', type: 'boolean' },
        ],
      }),
      async submit(values) {
        if (values.title === 'boom') throw new Error('no booms, please');
        await ctx.graph.transact((tx) => tx.createEntity({ kind: 'acme.notes/note', title: values.title, fields: { mood: values.mood } }));
        changed();
        return { message: 'Added ' + values.title + (values.weight === null ? '' : ' (' + values.weight + ')') };
      },
    }),
    ctx.views.registerViewProvider('acme.moods', { resolve: byMood, onDidChange }),
    ctx.views.registerViewProvider('acme.garbage', {
      resolve: () => ({ type: 'chart', chart: 'bar', labels: ['a', 'b'], series: [{ label: 'x', data: [1] }] }),
    }),
    ctx.analyses.registerAnalysis('acme.moodAnalysis', { run: byMood }),
    ctx.analyses.registerAnalysis('acme.brokenAnalysis', { run: () => ({ type: 'list', items: [{ id: 1 }] }) }),
    ctx.analyses.registerAnalysis('acme.failingAnalysis', { run: () => { throw new Error('the graph is too small'); } }),
  );
}`;
writeFileSync(join(dir, 'notes.js'), source);

// One plugin id in both set-ups: its kind carries it (kindName.ts in @repertoire/schema).
const notesManifest = (id: string) =>
  manifest(id, {
    main: './notes.js',
    activationEvents: ['onView:acme.notes', 'onAnalysis:acme.moodAnalysis'],
    permissions: ['graph.read', 'graph.write'],
    contributes: {
      entityKinds: [
        {
          kind: 'acme.notes/note',
          label: 'Note',
          pluralLabel: 'Notes',
          icon: 'file-text',
          colour: '#2a6f97',
          fields: [{ name: 'mood', label: 'Mood', type: 'string' }],
        },
      ],
      views: [
        { id: 'acme.notes', name: 'Notes', location: 'sidebar' },
        { id: 'acme.addNote', name: 'Add a note', location: 'panel' },
        { id: 'acme.moods', name: 'Moods', location: 'editor' },
        { id: 'acme.garbage', name: 'Garbage', location: 'panel' },
      ],
      analyses: [
        { id: 'acme.moodAnalysis', label: 'Notes by mood' },
        { id: 'acme.brokenAnalysis', label: 'Broken' },
        { id: 'acme.failingAnalysis', label: 'Failing' },
      ],
    },
  });

const beds: { host: { shutdown(): Promise<void> } }[] = [];
afterEach(async () => {
  for (const bed of beds.splice(0)) await bed.host.shutdown();
});

const setups = {
  'in the page': async () => {
    const module = await import(/* @vite-ignore */ `${baseUrl}notes.js`);
    const bed = testbed({ 'acme.notes': module as { activate(c: PluginContext): void } });
    await bed.host.add([pkg(notesManifest('acme.notes'), true, baseUrl)]);
    await bed.host.start();
    return bed;
  },
  'in the sandbox': async () => {
    const bed = testbed({}, { createSandbox: createNodeSandbox, timeoutMs: 5000 });
    await bed.host.add([pkg(notesManifest('acme.notes'), false, baseUrl)]);
    await bed.host.setEnabled('acme.notes', true);
    await bed.host.start();
    return bed;
  },
};

describe.each(Object.keys(setups) as (keyof typeof setups)[])('declarative views %s', (where) => {
  it('resolve a list, a form and a chart, and a form submit reaches the plugin', async () => {
    const bed = await setups[where]();
    beds.push(bed);
    const { host, workspace } = bed;
    expect(await host.resolveView('acme.notes')).toEqual({
      type: 'list',
      emptyText: 'No notes yet: add one with the form.',
      items: [],
    });
    const form = await host.resolveView('acme.addNote');
    expect(form).toMatchObject({ type: 'form', submitLabel: 'Add' });
    const changes: string[] = [];
    host.views.onDidChangeView((id) => changes.push(id));
    expect(
      await host.submitView('acme.addNote', {
        title: 'Circle time',
        mood: 'glad',
        weight: 3,
        private: false,
      }),
    ).toEqual({ message: 'Added Circle time (3)' });
    expect(workspace.entities('acme.notes/note').map((e) => e.title)).toEqual(['Circle time']);
    // From the sandbox the change comes over the bridge, after the submit's answer.
    await expect.poll(() => changes).toContain('acme.notes');
    expect(await host.resolveView('acme.notes')).toMatchObject({
      items: [{ label: 'Circle time', description: 'glad', icon: 'file-text' }],
    });
    expect(await host.resolveView('acme.moods')).toEqual({
      type: 'chart',
      chart: 'bar',
      title: 'Notes by mood',
      labels: ['glad', 'sad'],
      series: [{ label: 'Notes', data: [1, 0] }],
    });
  });

  it('refuse form values that do not fit the fields, and show what the plugin throws', async () => {
    const bed = await setups[where]();
    beds.push(bed);
    const { host, workspace } = bed;
    await host.resolveView('acme.notes');
    await expect(host.submitView('acme.addNote', { title: 'x' })).rejects.toThrow(
      /View acme.addNote shows no form/,
    );
    await host.resolveView('acme.addNote');
    const ok = { title: 'A', mood: 'glad', weight: null, private: true };
    await expect(host.submitView('acme.addNote', { ...ok, mood: 'angry' })).rejects.toThrow(
      /^mood: one of glad, sad/,
    );
    await expect(host.submitView('acme.addNote', { ...ok, weight: 9 })).rejects.toThrow(
      /^weight: at most 5/,
    );
    await expect(host.submitView('acme.addNote', { ...ok, title: '  ' })).rejects.toThrow(
      /^title: required/,
    );
    await expect(host.submitView('acme.addNote', { ...ok, extra: 1 })).rejects.toThrow(/extra/);
    await expect(host.submitView('acme.addNote', 'garbage')).rejects.toThrow();
    await expect(host.submitView('acme.addNote', { ...ok, title: 'boom' })).rejects.toThrow(
      /no booms, please/,
    );
    expect(workspace.entities('acme.notes/note')).toEqual([]);
    expect(await host.submitView('acme.addNote', ok)).toEqual({ message: 'Added A' });
  });

  it('refuse content that does not fit, naming the view and the field', async () => {
    const bed = await setups[where]();
    beds.push(bed);
    await expect(bed.host.resolveView('acme.garbage')).rejects.toThrow(
      /view acme.garbage sent content the workbench cannot show: content.series.0.data: has 1 values for 2 labels/,
    );
    // The other views of the plugin carry on.
    expect(await bed.host.resolveView('acme.notes')).toMatchObject({ type: 'list' });
  });

  it('run analyses that read the graph, and refuse a result that does not fit', async () => {
    const bed = await setups[where]();
    beds.push(bed);
    const { host } = bed;
    await host.resolveView('acme.addNote');
    await host.submitView('acme.addNote', {
      title: 'B',
      mood: 'sad',
      weight: null,
      private: false,
    });
    expect(await host.runAnalysis('acme.moodAnalysis')).toMatchObject({
      type: 'chart',
      series: [{ data: [0, 1] }],
    });
    await expect(host.runAnalysis('acme.brokenAnalysis')).rejects.toThrow(
      /Analysis acme.brokenAnalysis of plugin acme\.notes sent content the workbench cannot show: content.items.0.id/,
    );
    await expect(host.runAnalysis('acme.failingAnalysis')).rejects.toThrow(
      /Analysis acme.failingAnalysis of plugin acme\.notes failed: .*the graph is too small/,
    );
    await expect(host.runAnalysis('acme.nothing')).rejects.toThrow(
      /Analysis acme.nothing does not exist/,
    );
  });
});

describe('analyses', () => {
  it('are activated by onAnalysis and refuse an undeclared id', async () => {
    const bed = testbed({
      'acme.one': {
        activate(ctx: PluginContext) {
          ctx.subscriptions.push(
            ctx.analyses.registerAnalysis('acme.count', {
              run: async () => ({
                type: 'markdown',
                markdown: `${(await ctx.graph.entities({})).length} items`,
              }),
            }),
          );
          expect(() =>
            ctx.analyses.registerAnalysis('acme.other', {
              run: () => ({ type: 'markdown', markdown: '' }),
            }),
          ).toThrow(/cannot provide analysis acme.other: its manifest does not declare it/);
        },
      },
    });
    beds.push(bed);
    await bed.host.add([
      pkg(
        manifest('acme.one', {
          activationEvents: ['onAnalysis:acme.count'],
          permissions: ['graph.read'],
          contributes: { analyses: [{ id: 'acme.count', label: 'Count' }] },
        }),
      ),
    ]);
    await bed.host.start();
    expect(bed.host.state('acme.one')).toBe('inactive');
    expect(await bed.host.runAnalysis('acme.count')).toEqual({
      type: 'markdown',
      markdown: '0 items',
    });
    expect(bed.host.state('acme.one')).toBe('active');
    await bed.host.setEnabled('acme.one', false);
    expect(bed.host.analyses.size).toBe(0);
  });
});
