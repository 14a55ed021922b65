import { Icon } from '@repertoire/icons';
import { useMemo } from 'react';
import type { StatusItem } from '../services/statusBar.ts';
import { useRegistry, useServices, useValue } from '../shell/context.tsx';

/** The status bar: contributed items left and right, and the notification bell. */
export function StatusBar() {
  const services = useServices();
  const items = useRegistry(services.statusItems);
  const notifications = useValue(services.notifications.items);
  const readOnly = useValue(services.readOnly);
  const sorted = useMemo(
    () => [...items].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0)),
    [items],
  );
  const render = (item: StatusItem) => {
    const content = (
      <>
        {item.icon ? <Icon name={item.icon} size={14} /> : null}
        <span>{item.text}</span>
      </>
    );
    return item.command ? (
      <button
        key={item.id}
        type="button"
        className="rp-status-item"
        data-tone={item.tone}
        data-status-id={item.id}
        title={item.tooltip}
        onClick={() => services.commands.execute(item.command!)}
      >
        {content}
      </button>
    ) : (
      <span
        key={item.id}
        className="rp-status-item"
        data-tone={item.tone}
        data-status-id={item.id}
        title={item.tooltip}
      >
        {content}
      </span>
    );
  };
  return (
    <footer className="rp-statusbar">
      <div className="rp-status-left" role="status" aria-live="polite">
        {sorted.filter((i) => i.alignment === 'left').map(render)}
        {readOnly.readOnly ? (
          <span className="rp-status-item" data-tone="warning" title={readOnly.reason}>
            <Icon name="lock" size={14} />
            <span>Read-only</span>
          </span>
        ) : null}
      </div>
      <div className="rp-status-right">
        {sorted.filter((i) => i.alignment === 'right').map(render)}
        <button
          type="button"
          className="rp-status-item"
          // The visible count leads the name, as WCAG's "label in name" asks.
          aria-label={
            notifications.length === 0
              ? 'Notifications'
              : `${notifications.length} notification${notifications.length === 1 ? '' : 's'}`
          }
          title="Notifications"
          onClick={() => services.commands.execute('workbench.showNotifications')}
        >
          <Icon name="bell" size={14} />
          {notifications.length > 0 ? <span>{notifications.length}</span> : null}
        </button>
      </div>
    </footer>
  );
}
