// `pnpm create-plugin <name> --template view`: a sandboxed dashboard — a webview view that shows
// how many entities of each kind the community's graph holds and follows every change — with a
// test that opens the view in the Worker sandbox and changes the graph under it.

/** The plugin-specific files of the view template, by path relative to the plugin directory. */
export function viewTemplateFiles(options: {
  name: string;
  publisher: string;
  title: string;
  /** The command template's package.json, whose build setup the view template shares. */
  basePackage: Record<string, unknown>;
}): Record<string, string> {
  const { name, publisher, title, basePackage } = options;
  const id = `${publisher}.${name}`;
  const view = `${name}.dashboard`;
  const packageJson = {
    ...basePackage,
    description: `${title}: a Repertoire dashboard view`,
    repertoire: {
      id,
      displayName: title,
      description: `${title}: how many entities of each kind the community holds`,
      version: '0.1.0',
      engines: { repertoire: '^1.0.0' },
      main: './src/index.ts',
      activationEvents: [`onView:${view}`],
      permissions: ['graph.read'],
      contributes: {
        views: [{ id: view, name: 'Dashboard', location: 'editor', icon: 'gauge' }],
      },
    },
  };
  return {
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'README.md': `# @repertoire/plugin-${name}

${title}: a Repertoire plugin (id \`${id}\`) with one sandboxed webview view, _Dashboard_
(\`${view}\`), that counts the community's entities by kind and updates as the graph changes.
Open it from the palette: **View: Open Dashboard**.

- \`src/index.ts\`: the plugin (runs in the Worker sandbox): reads the graph, posts the counts.
- \`src/view.ts\`: what the view shows (markup, styles and the script run in its frame).
- \`pnpm test\`: opens the view in the sandbox and changes the graph under it.
- \`pnpm build\`: packs it into \`dist/\` as a server ships it.
- \`REPERTOIRE_PLUGINS_DIR=<the server's --plugins dir> pnpm dev\`: rebuilds there on every save;
  a server started with \`--dev\` reloads it into open workbenches (docs/plugins.md).

May import: \`@repertoire/plugin-api\` only (tests also use the core and the plugin host).
`,
    'src/view.ts': `import type { WebviewContent } from '@repertoire/plugin-api';

/**
 * The dashboard as the view's frame shows it. Its script runs in a sandboxed iframe with no
 * network: it only renders what the plugin posts (\`{ type: 'counts', total, kinds }\`) and says
 * \`{ type: 'ready' }\` once it listens.
 */
export const dashboardContent: WebviewContent = {
  html: \`<main>
  <h1>Entities by kind</h1>
  <p id="total" role="status">Counting…</p>
  <label>Order <select id="order"><option value="count">Most first</option><option value="name">By name</option></select></label>
  <table id="counts" hidden><thead><tr><th>Kind</th><th>Count</th></tr></thead><tbody></tbody></table>
</main>\`,
  css: \`body { color: var(--rp-fg); background: var(--rp-bg); font-family: var(--rp-font); margin: 1rem; }
table { border-collapse: collapse; min-width: 16rem; }
th, td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid var(--rp-border, #ccc); }
td:last-child { text-align: right; font-variant-numeric: tabular-nums; }\`,
  script: \`const total = document.getElementById('total');
const table = document.getElementById('counts');
const order = document.getElementById('order');
// The member's choice of order is the view's state: kept by the host across hiding the view,
// reloading the page and hot reloads of the plugin, so it comes back as it was left.
order.value = repertoireWebview.getState()?.order ?? 'count';
let last;
const render = () => {
  if (!last) return;
  const rows = [...last.kinds].sort((a, b) =>
    order.value === 'name' ? a.label.localeCompare(b.label) : b.count - a.count);
  // textContent, never innerHTML: kind labels come from other plugins.
  table.tBodies[0].replaceChildren(...rows.map((row) => {
    const tr = document.createElement('tr');
    for (const text of [row.label, String(row.count)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }));
  table.hidden = rows.length === 0;
};
order.addEventListener('change', () => {
  repertoireWebview.setState({ order: order.value });
  render();
});
repertoireWebview.onMessage((message) => {
  if (!message || message.type !== 'counts') return;
  total.textContent = message.total === 0
    ? 'The graph is empty: add a member or a practice and it shows here.'
    : message.total + (message.total === 1 ? ' entity' : ' entities');
  last = message;
  render();
});
repertoireWebview.postMessage({ type: 'ready' });\`,
};
`,
    'src/index.ts': `import type { JsonObject, PluginContext, WebviewView } from '@repertoire/plugin-api';
import { dashboardContent } from './view.ts';

/** This plugin's package.json, whose \`repertoire\` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };

/** The view this plugin renders, as \`contributes.views\` declares it. */
export const DASHBOARD_VIEW = '${view}';

/** How many entities of each kind the graph holds, most first, as the view shows them. */
export async function countByKind(context: PluginContext) {
  const [entities, kinds] = await Promise.all([
    context.graph.entities(),
    context.graph.entityKinds(),
  ]);
  const labels = new Map(kinds.map((k) => [k.kind, k.pluralLabel]));
  const counts = new Map<string, number>();
  for (const entity of entities) counts.set(entity.kind, (counts.get(entity.kind) ?? 0) + 1);
  const rows = [...counts].map(([kind, count]) => ({
    kind,
    label: labels.get(kind) ?? kind,
    count,
  }));
  rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { type: 'counts', total: entities.length, kinds: rows } satisfies JsonObject;
}

/** Fills one shown dashboard: its content, then the counts now and after every graph change. */
function showDashboard(context: PluginContext, view: WebviewView): void {
  view.webview.setContent(dashboardContent);
  let ready = false;
  const post = async () => {
    if (ready) await view.webview.postMessage(await countByKind(context));
  };
  const changes = context.graph.onDidChange(() => void post());
  const messages = view.webview.onDidReceiveMessage((message) => {
    if ((message as JsonObject | null)?.type !== 'ready') return;
    ready = true;
    void post();
  });
  view.onDidDispose(() => {
    changes.dispose();
    messages.dispose();
  });
}

/** Activates the plugin: provides the dashboard view its manifest declares. */
export function activate(context: PluginContext): void {
  context.subscriptions.push(
    context.webviews.registerWebviewViewProvider(DASHBOARD_VIEW, {
      resolveWebviewView: (view) => showDashboard(context, view),
    }),
  );
}
`,
    [`src/${name}.test.ts`]: `import { createGraphDoc, Workspace } from '@repertoire/core';
import type { JsonValue } from '@repertoire/plugin-api';
import { createHeadlessHost, openWebview } from '@repertoire/plugin-host';
import { createNodeSandbox } from '@repertoire/plugin-host/node';
import { expect, it } from 'vitest';
import { DASHBOARD_VIEW, packageJson } from './index.ts';

const kind = (name: string, label: string) => ({
  kind: name,
  label,
  pluralLabel: \`\${label}s\`,
  icon: 'circle',
  colour: '#3d5a80',
  fields: [],
});

it('shows the counts of entities by kind and follows the graph, running in the Worker sandbox', async () => {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  workspace.registerEntityKind(kind('practice', 'Practice'));
  workspace.registerEntityKind(kind('member', 'Member'));
  workspace.createEntity({ kind: 'practice', title: 'Think-pair-share', fields: {} });
  workspace.createEntity({ kind: 'practice', title: 'Exit tickets', fields: {} });
  workspace.createEntity({ kind: 'member', title: 'Ana', fields: {} });

  // A third-party plugin runs in a Worker and imports its main module from its package directory.
  const { host } = createHeadlessHost(workspace, { createSandbox: createNodeSandbox });
  await host.add([{ packageJson, baseUrl: new URL('../', import.meta.url).href }]);
  await host.setEnabled('${id}', true); // third-party plugins start disabled
  await host.start();
  try {
    expect(host.state('${id}')).toBe('inactive'); // lazy: nothing runs until the view opens
    // What the workbench does when the member opens the view; the session is what its frame gets.
    const session = await openWebview(host, DASHBOARD_VIEW);
    await expect.poll(() => session.content?.html).toMatch(/Entities by kind/);
    const shown: JsonValue[] = [];
    session.onDidPostMessage((message) => shown.push(message));
    expect(session.receive({ type: 'ready' })).toBeUndefined(); // the view's script says so
    await expect.poll(() => shown.at(-1)).toMatchObject({
      type: 'counts',
      total: 3,
      kinds: [
        { kind: 'practice', label: 'Practices', count: 2 },
        { kind: 'member', label: 'Members', count: 1 },
      ],
    });

    // Another member adds two members: the open view is told without asking.
    workspace.createEntity({ kind: 'member', title: 'Ben', fields: {} });
    workspace.createEntity({ kind: 'member', title: 'Cy', fields: {} });
    await expect.poll(() => shown.at(-1)).toMatchObject({
      total: 5,
      kinds: [
        { kind: 'member', count: 3 },
        { kind: 'practice', count: 2 },
      ],
    });

    // Garbage from the view is refused with a reason and changes nothing.
    expect(session.receive({ type: 'ready', when: new Date() })).toMatch(/not plain JSON/);
    session.dispose();
    expect(host.webviews.openSessions).toBe(0);
  } finally {
    await host.shutdown();
  }
});
`,
  };
}
