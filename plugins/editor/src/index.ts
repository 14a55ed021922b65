import { lazyCustomView, type PluginContext } from '@repertoire/plugin-api';
import { EntityMirror } from './entityMirror.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { EntityMirror } from './entityMirror.ts';

/**
 * Activates the document editor: every entity with a co-edited document (an artifact's text, a
 * meeting's notes) opens in the collaborative editor, embedded in its page or as the whole of its
 * own `doc:<id>` tab (title, read-only banner, "Details and links"), synced over the workbench's
 * connection; `@` mentions and `[[` links become relations in the graph.
 */
export function activate(context: PluginContext): void {
  const directory = new EntityMirror(context.graph);
  context.subscriptions.push(
    directory,
    context.views.registerCustomView(
      'editor.documents',
      // The editor (Lexical and its plugins) is its own chunk, fetched when a document is first
      // shown, so activating this plugin at start costs the page almost nothing.
      lazyCustomView(
        () =>
          import('./documentView.tsx').then(({ mountDocumentView }) => (element, view) => {
            directory.setOpener((id) => view.openEntity(id));
            return mountDocumentView(element, view, {
              directory,
              documents: context.documents,
              graph: context.graph,
              workspaceId: context.workspace.id,
              // "Details and links": the entity's page, even for an entity that has a document.
              openPage: (id) => void context.window.openEntity(id),
              report: (error) =>
                context.log.error(error instanceof Error ? error.message : String(error)),
            });
          }),
        { documentEditor: true, onError: (error) => context.log.error(String(error)) },
      ),
    ),
  );
}
