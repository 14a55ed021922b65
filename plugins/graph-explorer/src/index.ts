import type { ExplorerState, GraphMode, GraphStyle, PeopleNetwork } from '@repertoire/graph-view';
import { type CustomViewMount, lazyCustomView, type PluginContext } from '@repertoire/plugin-api';
import { showEntityMenu } from './entityMenu.ts';
import { groupSelected } from './groupSelected.ts';
import { linkSelected } from './linkSelected.ts';
import {
  CHOOSE_RENDERER_COMMAND,
  chooseRendererCommand,
  RendererChoice,
} from './rendererChoice.ts';
import { OPEN_VIEW_COMMAND, ViewRequests } from './viewRequests.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };

/**
 * Activates the graph explorer: a "Graph" tab showing the community's graph live (filters, search,
 * local graph, paths, linking or grouping the selected entities, layouts, a time bar replaying how
 * it grew from the host's history); clicking an entity opens its page. Views are saved, named,
 * as `graphView` entities every member sees in the Explorer, which opens them here. Activating only
 * registers the tab and the command: Cytoscape, its layouts and the view's React tree arrive when
 * the tab is first shown.
 */
export function activate(context: PluginContext): void {
  const requests = new ViewRequests();
  const renderer = new RendererChoice(context.storage);
  let view: Promise<CustomViewMount> | undefined;
  const fail = (what: string) => (error: Error) =>
    context.window.showNotification(`${what}: ${error.message}`, { severity: 'error' });
  context.subscriptions.push(
    requests,
    renderer,
    context.commands.registerCommand(
      CHOOSE_RENDERER_COMMAND,
      chooseRendererCommand(context, renderer),
    ),
    context.commands.registerCommand(OPEN_VIEW_COMMAND, async (id) => {
      if (typeof id !== 'string') {
        const views = await context.graph.entities({ kind: 'graphView' });
        if (views.length === 0) {
          await context.window.showNotification(
            'No saved graph views yet: set the graph up, then choose “Save view as…” in its toolbar.',
          );
          return;
        }
        const picked = await context.window.showQuickPick(
          views.map((v) => ({ label: v.title, value: v.id })),
          { title: 'Open a saved graph view' },
        );
        if (!picked?.value) return;
        id = picked.value;
      }
      let state: ExplorerState;
      try {
        const { readSavedView } = await import('./savedViews.ts');
        state = await readSavedView(context.graph, id as string);
      } catch (error) {
        await fail('The view could not be opened')(error as Error);
        return;
      }
      await context.window.showView('graph.explorer');
      requests.open(state);
    }),
    context.views.registerCustomView(
      'graph.explorer',
      lazyCustomView(
        () => {
          // One source for every mount; a failed fetch is tried again at the next mount.
          view ??= graphExplorerView(context, requests, renderer, fail).catch((error: unknown) => {
            view = undefined;
            throw error;
          });
          return view;
        },
        { onError: (error) => context.log.error(String(error)) },
      ),
    ),
  );
}

/** The graph the view shows (read when it is first shown), its modes, and how it mounts. */
async function graphExplorerView(
  context: PluginContext,
  requests: ViewRequests,
  renderer: RendererChoice,
  fail: (what: string) => (error: Error) => unknown,
): Promise<CustomViewMount> {
  const [{ apiGraphAt, apiGraphSource }, { mountGraphView }, graphView, { saveViewAs }] =
    await Promise.all([
      import('./apiGraphSource.ts'),
      import('./graphView.tsx'),
      import('@repertoire/graph-view'),
      import('./savedViews.ts'),
    ]);
  const [source, kinds, relationKinds, graphStyles] = await Promise.all([
    apiGraphSource(context.graph),
    context.graph.entityKinds(),
    context.graph.relationKinds(),
    context.graph.styles(),
    renderer.load(),
  ]);
  // The kinds' own colours and labels, then the plugins' graph styles (shapes, line styles),
  // which win: they are what the plugins asked the graph to draw.
  const styles: GraphStyle[] = [
    ...kinds.map((k) => ({
      kind: k.kind,
      colour: k.colour,
      label: k.pluralLabel,
      singularLabel: k.label,
    })),
    ...relationKinds.map((r) => ({ relation: r.type, label: r.label })),
    ...graphStyles,
  ];
  // The People mode draws the insight plugin's network (ties, Louvain communities, brokers),
  // asked through its command rather than computed again here.
  const modes: GraphMode[] = [
    graphView.MEETINGS_FOLDED,
    graphView.EVERY_ENTITY,
    graphView.peopleMode(
      async (at) => {
        const people = await context.commands.executeCommand<PeopleNetwork>(
          'insight.peopleNetwork',
          ...(at ? [at] : []),
        );
        if (!people || !Array.isArray(people.ties) || !Array.isArray(people.communities))
          throw new Error('the Community insight plugin gave no network');
        return { ...people, brokers: Array.isArray(people.brokers) ? people.brokers : [] };
      },
      (error) =>
        void context.window.showNotification(
          `People mode shows members without their ties: ${error.message}. Enable the Community insight plugin to see who works with whom.`,
          { severity: 'warning' },
        ),
    ),
  ];
  context.subscriptions.push(source);
  return (element, view) =>
    mountGraphView(element, view, {
      source,
      styles,
      graphAt: apiGraphAt(context.graph),
      link: (ids) => {
        linkSelected(context.graph, context.window, ids).catch((error: Error) =>
          context.window.showNotification(`Linking failed: ${error.message}`, {
            severity: 'error',
          }),
        );
      },
      group: (ids) => {
        groupSelected(context.graph, context.window, ids).catch((error: Error) =>
          context.window.showNotification(`Grouping failed: ${error.message}`, {
            severity: 'error',
          }),
        );
      },
      workspaceId: context.workspace.id,
      requests,
      renderer,
      modes,
      saveView: (state) => {
        saveViewAs(context.graph, context.window, state).catch(fail('Saving the view failed'));
      },
      entityMenu: (id, readOnly) => {
        showEntityMenu(context, id, readOnly).catch(fail('That action failed'));
      },
    });
}
