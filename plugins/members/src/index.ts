import { type PluginContext, toDisposable } from '@repertoire/plugin-api';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { inviteFlow } from './inviteFlow.ts';
import { MembersView } from './MembersView.tsx';
import { presenceItem } from './presence.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { presenceText } from './presence.ts';

/** The side bar view of the workspace's members. */
export const MEMBERS_VIEW = 'members.list';

/**
 * Activates the workspace's members: the Members side bar view (rendered in the page with React,
 * fed only by the plugin API's `members`), "Invite people…", "Show members" and the presence
 * status item that opens the view.
 */
export function activate(context: PluginContext): void {
  const { commands, views, members, window, subscriptions } = context;
  subscriptions.push(
    commands.registerCommand('members.invite', () => inviteFlow(members, window)),
    commands.registerCommand('members.show', () => window.showView(MEMBERS_VIEW)),
    presenceItem(context),
    views.registerCustomView(MEMBERS_VIEW, {
      mount(element) {
        // Render into a child of our own, so unmounting never fights the workbench over its element.
        const container = document.createElement('div');
        container.className = 'rp-members-view';
        (element as unknown as HTMLElement).append(container);
        const root = createRoot(container);
        root.render(createElement(MembersView, { plugin: context }));
        return toDisposable(() => {
          // The workbench disposes views while React commits; unmount this root just after.
          queueMicrotask(() => {
            root.unmount();
            container.remove();
          });
        });
      },
    }),
  );
}
