import { type JsonValue, type PluginContext, toDisposable } from '@repertoire/plugin-api';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { ExplorerTree } from './ExplorerTree.tsx';
import { createEntity } from './entityFlows.ts';
import { EntityList } from './entityList.ts';
import { registerEntityQuickOpen } from './entityQuickOpen.ts';
import { registerWelcome } from './welcome/registerWelcome.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { allowedRelations, initialFields } from './entityFlows.ts';
export { EntityList, type KindGroup } from './entityList.ts';
export { JOINED_VIEW, WELCOME_VIEW } from './welcome/registerWelcome.ts';
export { type JoinedFacts, joinedFacts } from './welcome/startingPoints.ts';

/**
 * Activates the Explorer: the `explorer.entities` side bar view (rendered in the page with React,
 * fed only by the plugin API's graph calls), the "New…" command, quick open over entities, and
 * the two pages that say where to start (the empty editor area's, a new member's).
 */
export async function activate(context: PluginContext): Promise<void> {
  const { commands, views, graph, subscriptions } = context;
  // One list for every mount of the view, loaded on first use and followed from then on.
  let list: Promise<EntityList> | undefined;
  const entityList = () => {
    list ??= EntityList.load(graph);
    return list;
  };
  subscriptions.push(
    toDisposable(() => void list?.then((l) => l.dispose())),
    registerEntityQuickOpen(context),
    commands.registerCommand('explorer.newEntity', (kind?: JsonValue) =>
      createEntity(context, typeof kind === 'string' ? kind : undefined),
    ),
    views.registerCustomView('explorer.entities', {
      mount(element, view) {
        // Render into a child of our own, so unmounting never fights the workbench over its element.
        const container = document.createElement('div');
        container.className = 'rp-explorer-view';
        (element as unknown as HTMLElement).append(container);
        const root = createRoot(container);
        let live = true;
        entityList().then(
          (loaded) => {
            if (live)
              root.render(createElement(ExplorerTree, { list: loaded, plugin: context, view }));
          },
          (error: Error) => {
            if (live)
              container.textContent = `The Explorer could not read the community: ${error.message}`;
          },
        );
        return toDisposable(() => {
          live = false;
          // The workbench disposes views while React commits; unmount this root just after.
          queueMicrotask(() => {
            root.unmount();
            container.remove();
          });
        });
      },
    }),
  );
  subscriptions.push(...(await registerWelcome(context)));
}
