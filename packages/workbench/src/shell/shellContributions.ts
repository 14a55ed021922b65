import { KeybindingsEditor } from '../parts/KeybindingsEditor.tsx';
import { SettingsEditor } from '../parts/SettingsEditor.tsx';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { registerActivityKeys } from './activityKeys.ts';

/**
 * Registers the shell's own commands, keybindings, settings and editors (palette, layout
 * toggles, settings, theme). Returns one Disposable for all of them.
 */
export function registerShellContributions(s: WorkbenchServices): Disposable {
  const d: Disposable[] = [registerActivityKeys(s)];
  const command = (
    id: string,
    title: string,
    run: () => unknown,
    extra: { icon?: string; key?: string; category?: string } = {},
  ) => {
    d.push(
      s.commands.register({
        id,
        title,
        category: extra.category ?? 'View',
        run,
        ...(extra.icon ? { icon: extra.icon } : {}),
      }),
    );
    if (extra.key) d.push(s.keybindings.register({ id, key: extra.key, command: id }));
  };
  command('workbench.showCommands', 'Show all commands', () => s.layout.setOverlay('commands'), {
    icon: 'command',
    key: 'mod+shift+p',
  });
  command('workbench.quickOpen', 'Go to…', () => s.layout.setOverlay('quickOpen'), {
    icon: 'search',
    key: 'mod+p',
  });
  command('workbench.toggleSidebar', 'Toggle side bar', () => s.layout.toggleSidebar(), {
    icon: 'panel-left',
    key: 'mod+b',
  });
  command('workbench.togglePanel', 'Toggle panel', () => s.layout.togglePanel(), {
    icon: 'panel-bottom',
    key: 'mod+j',
  });
  command('workbench.splitEditor', 'Split editor right', () => s.editors.splitRight(), {
    icon: 'columns',
    key: 'mod+\\',
  });
  command(
    'workbench.closeEditor',
    'Close editor',
    () => {
      const uri = s.editors.activeUri();
      if (uri) s.editors.close(uri);
    },
    { icon: 'x', key: 'alt+w' },
  );
  command('workbench.nextEditor', 'Next editor', () => s.editors.cycle(1), { key: 'alt+pagedown' });
  command('workbench.previousEditor', 'Previous editor', () => s.editors.cycle(-1), {
    key: 'alt+pageup',
  });
  command('workbench.openSettings', 'Open settings', () => s.editors.open('settings:'), {
    icon: 'settings',
    key: 'mod+,',
    category: 'Preferences',
  });
  command(
    'workbench.openKeybindings',
    'Open keyboard shortcuts',
    () => s.editors.open('keybindings:'),
    {
      icon: 'keyboard',
      category: 'Preferences',
    },
  );
  command(
    'workbench.toggleTheme',
    'Toggle light/dark theme',
    () => {
      const dark = document.documentElement.dataset.theme === 'dark';
      s.settings.update('workbench.colorTheme', dark ? 'light' : 'dark');
    },
    { icon: 'moon', category: 'Preferences' },
  );
  command(
    'workbench.showNotifications',
    'Show notifications',
    () => {
      const items = s.notifications.items.get();
      if (items.length === 0) return s.notifications.info('No notifications.');
      void s.quickInput.pick(
        items.map((n) => ({
          label: n.message,
          icon: n.severity === 'error' ? 'alert-circle' : 'info',
        })),
        { title: 'Notifications' },
      );
    },
    { icon: 'bell' },
  );
  command('workbench.clearNotifications', 'Clear notifications', () => s.notifications.clear(), {
    icon: 'bell',
  });

  d.push(
    s.settings.register({
      id: 'workbench.colorTheme',
      title: 'Colour theme',
      description: 'Light, dark, or follow the operating system.',
      type: 'enum',
      default: 'system',
      options: [
        { value: 'system', label: 'Follow system' },
        { value: 'light', label: 'Light' },
        { value: 'dark', label: 'Dark' },
      ],
      section: 'Appearance',
    }),
    s.settings.register({
      id: 'workbench.density',
      title: 'Density',
      description: 'How much space lists and forms use.',
      type: 'enum',
      default: 'comfortable',
      options: [
        { value: 'comfortable', label: 'Comfortable' },
        { value: 'compact', label: 'Compact' },
      ],
      section: 'Appearance',
    }),
    s.settings.register({
      id: 'workbench.keybindings',
      title: 'Keyboard shortcut overrides',
      description: 'Your own shortcuts as JSON (edited from “Open keyboard shortcuts”).',
      type: 'string',
      default: '{}',
      section: 'Keyboard',
    }),
    s.editorProviders.register({
      id: 'settings',
      describe: () => ({ title: 'Settings', icon: 'settings' }),
      component: SettingsEditor,
    }),
    s.editorProviders.register({
      id: 'keybindings',
      describe: () => ({ title: 'Keyboard shortcuts', icon: 'keyboard' }),
      component: KeybindingsEditor,
    }),
  );

  // Keybinding overrides live in a setting so they persist with the others.
  const loadOverrides = () => {
    try {
      s.keybindings.setOverrides(
        JSON.parse(s.settings.value('workbench.keybindings', '{}')) as Record<string, string>,
      );
    } catch {
      s.keybindings.setOverrides({});
    }
  };
  loadOverrides();
  d.push(s.settings.onDidChangeValue((key) => key === 'workbench.keybindings' && loadOverrides()));
  d.push(
    s.commands.onDidFail((id, error) =>
      s.notifications.error(
        `“${s.commands.get(id)?.title ?? id}” failed`,
        String((error as Error)?.message ?? error),
      ),
    ),
  );
  return combineDisposables(...d);
}
