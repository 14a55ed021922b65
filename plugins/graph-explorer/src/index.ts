import type { GraphStyle } from '@repertoire/graph-view';
import { type CustomViewMount, lazyCustomView, type PluginContext } from '@repertoire/plugin-api';
import { groupSelected } from './groupSelected.ts';
import { linkSelected } from './linkSelected.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };

/**
 * Activates the graph explorer: a "Graph" tab showing the community's graph live (filters, search,
 * local graph, paths, linking or grouping the selected entities, layouts, a time bar replaying how
 * it grew from the host's history); clicking an entity opens its page. Activating only registers
 * the tab: Cytoscape, its layouts and the view's React tree arrive when it is first shown.
 */
export function activate(context: PluginContext): void {
  let view: Promise<CustomViewMount> | undefined;
  context.subscriptions.push(
    context.views.registerCustomView(
      'graph.explorer',
      lazyCustomView(
        () => {
          // One source for every mount; a failed fetch is tried again at the next mount.
          view ??= graphExplorerView(context).catch((error: unknown) => {
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

/** The graph the view shows (read when it is first shown) and how it mounts. */
async function graphExplorerView(context: PluginContext): Promise<CustomViewMount> {
  const [{ apiGraphAt, apiGraphSource }, { mountGraphView }] = await Promise.all([
    import('./apiGraphSource.ts'),
    import('./graphView.tsx'),
  ]);
  const [source, kinds, relationKinds, graphStyles] = await Promise.all([
    apiGraphSource(context.graph),
    context.graph.entityKinds(),
    context.graph.relationKinds(),
    context.graph.styles(),
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
    });
}
