import type { PluginHost } from '@repertoire/plugin-host';
import type { Disposable, WorkbenchServices } from '@repertoire/workbench';

/**
 * The palette command that turns plugins on and off for the whole workspace (the setting is shared
 * by every member). Third-party plugins installed on the server start disabled: someone who can
 * edit the workspace decides to let one in.
 */
export function registerPluginManager(
  services: WorkbenchServices,
  host: PluginHost,
  canEdit: () => boolean,
): Disposable {
  return services.commands.register({
    id: 'plugins.toggle',
    title: 'Enable or disable a plugin…',
    category: 'Plugins',
    icon: 'puzzle',
    enabled: canEdit,
    run: async () => {
      const plugins = host.plugins();
      const picked = await services.quickInput.pick(
        plugins.map((plugin) => ({
          label: plugin.displayName,
          description: `${plugin.state === 'disabled' ? 'disabled' : 'enabled'} · ${
            plugin.builtin ? 'built in' : 'installed on the server, runs sandboxed'
          } · ${plugin.id}`,
          id: plugin.id,
          enable: plugin.state === 'disabled',
        })),
        { title: 'Plugins', placeholder: 'Pick a plugin to enable or disable it for everyone' },
      );
      if (!picked) return;
      await host.setEnabled(picked.id, picked.enable);
      services.notifications.info(
        `${picked.label} is now ${picked.enable ? 'enabled' : 'disabled'} for everyone in this workspace.`,
      );
    },
  });
}
