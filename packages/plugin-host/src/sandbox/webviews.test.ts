import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonValue, PluginContext } from '@repertoire/plugin-api';
import { afterEach, describe, expect, it } from 'vitest';
import { openWebview } from '../openWebview.ts';
import { manifest, pkg, testbed } from '../testbed.ts';
import { createNodeSandbox } from './nodeSandbox.ts';

// A webview view's plugin side, in the page and in the sandbox: the plugin sets the content and
// talks to the view; the session (what the workbench's mount renders) carries it and refuses what
// is not plain JSON from the view.
const dir = mkdtempSync(join(tmpdir(), 'repertoire-webviews-'));
const baseUrl = `${pathToFileURL(dir).href}/`;

const dashboard = `export function activate(ctx) {
  ctx.subscriptions.push(ctx.webviews.registerWebviewViewProvider('acme.dashboard', {
    resolveWebviewView(view) {
      view.webview.setContent({ html: '<h1>Practices</h1>', script: 'repertoireWebview.postMessage({ ready: true })' });
      view.webview.onDidReceiveMessage(async (message) => {
        if (message && message.ask === 'count') {
          const practices = await ctx.graph.entities({ kind: 'practice' });
          await view.webview.postMessage({ count: practices.length });
        }
      });
      view.onDidDispose(() => ctx.log.info('dashboard closed'));
    },
  }));
}`;
writeFileSync(join(dir, 'dashboard.js'), dashboard);

const dashboardManifest = (id: string) =>
  manifest(id, {
    main: './dashboard.js',
    activationEvents: ['onView:acme.dashboard'],
    permissions: ['graph.read'],
    contributes: { views: [{ id: 'acme.dashboard', name: 'Dashboard', location: 'panel' }] },
  });

const hosts: { host: { shutdown(): Promise<void> } }[] = [];
afterEach(async () => {
  for (const bed of hosts.splice(0)) await bed.host.shutdown();
});

const beds = {
  'in the page': async () => {
    const module = await import(/* @vite-ignore */ `${baseUrl}dashboard.js`);
    const bed = testbed({ 'acme.dashboard-page': module as { activate(c: PluginContext): void } });
    await bed.host.add([pkg(dashboardManifest('acme.dashboard-page'), true, baseUrl)]);
    return bed;
  },
  'in the sandbox': async () => {
    const bed = testbed({}, { createSandbox: createNodeSandbox, timeoutMs: 2000 });
    await bed.host.add([pkg(dashboardManifest('acme.dashboard-sandboxed'), false, baseUrl)]);
    await bed.host.setEnabled('acme.dashboard-sandboxed', true);
    return bed;
  },
};

describe.each(Object.keys(beds) as (keyof typeof beds)[])('a webview view %s', (where) => {
  it('opens with its content and carries messages both ways', async () => {
    const bed = await beds[where]();
    hosts.push(bed);
    const session = await openWebview(bed.host, 'acme.dashboard');
    await expect.poll(() => session.content?.html).toBe('<h1>Practices</h1>');
    const toView: JsonValue[] = [];
    session.onDidPostMessage((message) => toView.push(message));
    expect(session.receive({ ask: 'count' })).toBeUndefined();
    await expect.poll(() => toView).toEqual([{ count: 0 }]);
    session.dispose();
    expect(bed.host.webviews.openSessions).toBe(0);
  });

  it('refuses garbage from the view with a clear reason, and goes on', async () => {
    const bed = await beds[where]();
    hosts.push(bed);
    const session = await openWebview(bed.host, 'acme.dashboard');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(session.receive(new Map())).toMatch(/not plain JSON: it holds a Map object/);
    expect(session.receive(undefined)).toMatch(/not plain JSON/);
    expect(session.receive(cyclic)).toMatch(/nested more than 64 levels/);
    expect(session.receive('x'.repeat(300_000))).toMatch(/the limit is/);
    expect(bed.ui.notifications.map((n) => n.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/acme.dashboard posted a message/)]),
    );
    const toView: JsonValue[] = [];
    session.onDidPostMessage((message) => toView.push(message));
    expect(session.receive({ ask: 'count' })).toBeUndefined();
    await expect.poll(() => toView.length).toBe(1);
  });
});

describe('webview views', () => {
  it('may only be provided for a view the manifest declares, once', async () => {
    const bed = testbed({
      'acme.rogue': {
        activate(ctx) {
          ctx.webviews.registerWebviewViewProvider('acme.other', { resolveWebviewView() {} });
        },
      },
    });
    hosts.push(bed);
    await bed.host.add([pkg(manifest('acme.rogue', { activationEvents: ['onStartup'] }), true)]);
    await bed.host.start();
    expect(bed.host.state('acme.rogue')).toBe('failed');
    expect(bed.ui.notifications.map((n) => n.message).join('\n')).toMatch(
      /cannot provide webview acme.other: its manifest does not declare it/,
    );
  });

  it('reports a provider that throws instead of showing a broken view', async () => {
    const bed = testbed({
      'acme.broken': {
        activate(ctx) {
          ctx.webviews.registerWebviewViewProvider('acme.broken-view', {
            resolveWebviewView() {
              throw new Error('no data yet');
            },
          });
        },
      },
    });
    hosts.push(bed);
    await bed.host.add([
      pkg(
        manifest('acme.broken', {
          activationEvents: ['onView:acme.broken-view'],
          contributes: { views: [{ id: 'acme.broken-view', name: 'Broken', location: 'sidebar' }] },
        }),
        true,
      ),
    ]);
    await expect(openWebview(bed.host, 'acme.broken-view')).rejects.toThrow(
      /Plugin acme.broken could not show webview acme.broken-view: no data yet/,
    );
    expect(bed.host.webviews.openSessions).toBe(0);
  });
});
