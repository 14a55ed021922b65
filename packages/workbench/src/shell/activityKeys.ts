import { combineDisposables, type Disposable, toDisposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

/** The command that shows a side bar container, e.g. `workbench.view.explorer`. */
export const showContainerCommand = (containerId: string): string =>
  `workbench.view.${containerId}`;

// Alt+Shift+digit: Chromium on Linux keeps Alt+digit (tabs) and most Ctrl+Shift+letters for itself.
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/**
 * Gives every activity bar button a command and a key chord, in the bar's order: side bar
 * containers get "View: Show <title>" commands, launchers (a plugin's editor view) keep theirs, and
 * the first ten get Alt+Shift+1…0. Follows the registries, so a plugin's view gets its key as it
 * arrives; the activity bar names the key in each button's tooltip.
 */
export function registerActivityKeys(services: WorkbenchServices): Disposable {
  let current: Disposable = toDisposable(() => undefined);
  let signature = '';
  const sync = () => {
    const containers = services.containers
      .all()
      .filter((c) => c.location === 'sidebar')
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
    const launchers = services.menus
      .all()
      .filter((m) => m.menu === 'activitybar')
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
    const next = [
      ...containers.map((c) => `c:${c.id}:${c.title}`),
      ...launchers.map((m) => `l:${m.command}`),
    ].join('|');
    // Registering commands and keys changes neither registry we follow, but skip no-op rebuilds.
    if (next === signature) return;
    signature = next;
    current.dispose();
    const d: Disposable[] = [];
    for (const c of containers)
      d.push(
        services.commands.register({
          id: showContainerCommand(c.id),
          title: `Show ${c.title}`,
          category: 'View',
          icon: c.icon,
          run: () => services.layout.showSidebar(c.id),
        }),
      );
    const commands = [
      ...containers.map((c) => showContainerCommand(c.id)),
      ...launchers.map((m) => m.command),
    ];
    for (const [i, command] of commands.slice(0, DIGITS.length).entries())
      d.push(
        services.keybindings.register({
          id: `activity:${command}`,
          key: `alt+shift+${DIGITS[i]}`,
          command,
        }),
      );
    current = combineDisposables(...d);
  };
  sync();
  return combineDisposables(
    services.containers.onDidChange(sync),
    services.menus.onDidChange(sync),
    toDisposable(() => current.dispose()),
  );
}
