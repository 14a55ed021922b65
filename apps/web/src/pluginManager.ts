import type { PluginHost, PluginStatus } from '@repertoire/plugin-host';
import { combineDisposables, type Disposable, type WorkbenchServices } from '@repertoire/workbench';

/** "on · locked · turned on by Eddie · built in · repertoire.meetings", for the quick pick. */
const describe = (plugin: PluginStatus): string =>
  [
    plugin.state === 'disabled' ? 'off' : 'on',
    ...(plugin.locked ? ['locked by an owner'] : []),
    ...(plugin.changedBy
      ? [`turned ${plugin.state === 'disabled' ? 'off' : 'on'} by ${plugin.changedBy}`]
      : []),
    plugin.builtin ? 'built in' : 'installed on the server, runs sandboxed',
    plugin.id,
  ].join(' · ');

/**
 * The palette commands over the workspace's one record of enabled plugins: every member sees
 * which are on, who turned them on or off and which are locked; someone who can edit switches an
 * unlocked one for everyone; an owner locks one on or off. Third-party plugins installed on the
 * server start off. The server refuses what a member may not do, and its reason is shown.
 */
export function registerPluginManager(
  services: WorkbenchServices,
  host: PluginHost,
  who: { canEdit: () => boolean; isOwner: () => boolean },
): Disposable {
  const pick = (placeholder: string) =>
    services.quickInput.pick(
      host.plugins().map((plugin) => ({
        label: plugin.displayName,
        description: describe(plugin),
        id: plugin.id,
        plugin,
      })),
      { title: 'Plugins', placeholder },
    );
  const attempt = async (run: () => Promise<void>, done: string) => {
    try {
      await run();
      services.notifications.info(done);
    } catch (error) {
      services.notifications.error((error as Error).message);
    }
  };
  return combineDisposables(
    services.commands.register({
      id: 'plugins.show',
      title: 'Show plugins and who turned them on',
      category: 'Plugins',
      icon: 'puzzle',
      run: async () => {
        await pick('Which plugins are on in this workspace, and who turned them on or off');
      },
    }),
    services.commands.register({
      id: 'plugins.toggle',
      title: 'Enable or disable a plugin…',
      category: 'Plugins',
      icon: 'puzzle',
      enabled: who.canEdit,
      run: async () => {
        const picked = await pick('Pick a plugin to turn it on or off for everyone');
        if (!picked) return;
        const enable = picked.plugin.state === 'disabled';
        await attempt(
          () => host.setEnabled(picked.id, enable),
          `${picked.label} is now ${enable ? 'on' : 'off'} for everyone in this workspace.`,
        );
      },
    }),
    services.commands.register({
      id: 'plugins.lock',
      title: 'Lock or unlock a plugin for everyone…',
      category: 'Plugins',
      icon: 'lock',
      enabled: () => who.canEdit() && who.isOwner(),
      run: async () => {
        const picked = await pick('Pick a plugin to lock it as it is, or to unlock it');
        if (!picked) return;
        const lock = !picked.plugin.locked;
        const state = picked.plugin.state === 'disabled' ? 'off' : 'on';
        await attempt(
          () => host.setLocked(picked.id, lock),
          lock
            ? `${picked.label} is locked ${state}: only owners can change it now.`
            : `${picked.label} is unlocked: editors can turn it on or off again.`,
        );
      },
    }),
  );
}
