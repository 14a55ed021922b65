import { Icon } from '@repertoire/icons';
import { type KeyboardEvent, useMemo } from 'react';
import { formatChord } from '../services/keybindings.ts';
import { showContainerCommand } from '../shell/activityKeys.ts';
import { useRegistry, useServices, useValue } from '../shell/context.tsx';

/**
 * The vertical icon strip: one button per side bar container, then the `activitybar` menu's
 * commands (e.g. opening a plugin's editor view such as the graph), settings at the bottom.
 */
export function ActivityBar() {
  const services = useServices();
  const containers = useRegistry(services.containers);
  const menus = useRegistry(services.menus);
  const commands = useRegistry(services.commands);
  // Re-render when keys change: each tooltip names the key that opens its view.
  useRegistry(services.keybindings);
  const withKey = (title: string, command: string) => {
    const key = services.keybindings.keyForCommand(command);
    return key ? `${title} (${formatChord(key)})` : title;
  };
  const launchers = useMemo(
    () =>
      menus
        .filter((m) => m.menu === 'activitybar')
        .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
        .flatMap((m) => {
          const command = commands.find((c) => c.id === m.command);
          return command ? [{ id: m.id, command }] : [];
        }),
    [menus, commands],
  );
  const layout = useValue(services.layout.state);
  const sidebar = useMemo(
    () =>
      containers
        .filter((c) => c.location === 'sidebar')
        .sort((a, b) => (a.order ?? 100) - (b.order ?? 100)),
    [containers],
  );
  const active = layout.activeSidebar ?? sidebar[0]?.id;

  // Arrow keys move between the buttons (one tab stop for the whole bar, as in VS Code).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : (i + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
    event.preventDefault();
  };

  return (
    <nav className="rp-activitybar" aria-label="Activity bar">
      <div
        role="tablist"
        aria-orientation="vertical"
        aria-label="Side bar views"
        onKeyDown={onKeyDown}
      >
        {sidebar.map((c) => {
          const selected = layout.sidebarVisible && c.id === active;
          return (
            <button
              key={c.id}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls="rp-sidebar"
              tabIndex={c.id === active ? 0 : -1}
              title={withKey(c.title, showContainerCommand(c.id))}
              aria-label={c.title}
              aria-keyshortcuts={ariaKeys(
                services.keybindings.keyForCommand(showContainerCommand(c.id)),
              )}
              className="rp-activity"
              data-active={selected || undefined}
              onClick={() => services.layout.toggleSidebar(c.id)}
            >
              <Icon name={c.icon} size={22} />
            </button>
          );
        })}
      </div>
      {launchers.length > 0 ? (
        <div className="rp-activitybar-launchers">
          {launchers.map(({ id, command }) => (
            <button
              key={id}
              type="button"
              className="rp-activity"
              title={withKey(command.title, command.id)}
              aria-label={command.title}
              aria-keyshortcuts={ariaKeys(services.keybindings.keyForCommand(command.id))}
              onClick={() => services.commands.execute(command.id)}
            >
              <Icon name={command.icon ?? 'puzzle'} size={22} />
            </button>
          ))}
        </div>
      ) : null}
      <div className="rp-activitybar-bottom">
        <button
          type="button"
          className="rp-activity"
          title={withKey('Settings', 'workbench.openSettings')}
          aria-label="Settings"
          onClick={() => services.commands.execute('workbench.openSettings')}
        >
          <Icon name="settings" size={22} />
        </button>
      </div>
    </nav>
  );
}

/** A chord as `aria-keyshortcuts` spells it (`Alt+Shift+1`), or undefined without one. */
function ariaKeys(chord: string | undefined): string | undefined {
  if (!chord) return undefined;
  const names: Record<string, string> = {
    mod: 'Control',
    ctrl: 'Control',
    alt: 'Alt',
    shift: 'Shift',
  };
  return chord
    .split('+')
    .map((p) => names[p] ?? p.toUpperCase())
    .join('+');
}
