// The page of sandbox.browser.test.ts: a real core workspace and plugin host in Chromium, whose
// third-party plugins run in sandboxed frames (createBrowserSandbox) and are fetched from
// `/plugins/` on this origin, as a server would serve their bundles.
import { createGraphDoc, Workspace } from '@repertoire/core';
import type { JsonValue } from '@repertoire/plugin-api';
import { createHeadlessHost } from '../../headlessHost.ts';
import { openWebview } from '../../openWebview.ts';
import { createBrowserSandbox } from '../browserSandbox.ts';
import { mountWebview } from '../webviewFrame.ts';

const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
workspace.registerEntityKind({
  kind: 'member',
  label: 'Member',
  pluralLabel: 'Members',
  icon: 'person',
  colour: '#2a6f97',
  fields: [],
});
const { host, ui } = createHeadlessHost(workspace, {
  createSandbox: createBrowserSandbox,
  timeoutMs: 1500,
});

const viewErrors: string[] = [];
const mountedViews = new Map<string, { dispose(): void }>();

/** What the test drives through `page.evaluate`. */
const sandboxPage = {
  /** Adds and enables third-party plugins from their package.json manifests. */
  async add(packageJsons: unknown[]) {
    const base = new URL('/plugins/', location.href).href;
    await host.add(packageJsons.map((packageJson) => ({ packageJson, baseUrl: base })));
    for (const status of host.plugins()) await host.setEnabled(status.id, true);
    await host.start();
  },
  /** Runs a command; resolves with its result or the error's name and message. */
  async run(id: string, ...args: JsonValue[]) {
    try {
      return { ok: true, value: await host.executeCommand(id, ...args) };
    } catch (error) {
      const e = error as Error;
      return { ok: false, name: e.name, message: e.message };
    }
  },
  state: (id: string) => host.state(id),
  members: () => workspace.entities('member').map((e) => e.title),
  notifications: () => ui.notifications.map((n) => n.message),
  /** Opens a webview view and mounts it in a new box on the page; resolves once it is mounted. */
  async showWebview(viewId: string, theme: Record<string, string>) {
    const box = document.createElement('div');
    box.style.height = '200px';
    document.body.append(box);
    const session = await openWebview(host, viewId);
    const mounted = mountWebview(box, session, {
      theme,
      onError: (message) => viewErrors.push(message),
    });
    mountedViews.set(viewId, mounted);
  },
  /** Closes a mounted webview. */
  closeWebview: (viewId: string) => mountedViews.get(viewId)?.dispose(),
  /** What the mounted views reported. */
  viewErrors: () => [...viewErrors],
  /** How many webview sessions the host holds. */
  openWebviews: () => host.webviews.openSessions,
};

(window as unknown as { sandboxPage: typeof sandboxPage }).sandboxPage = sandboxPage;
document.title = 'ready';
