import { Icon } from '@repertoire/icons';
import { useMemo, useState } from 'react';
import { useRegistry, useServices, useValue } from '../shell/context.tsx';
import { ViewActions } from './ViewActions.tsx';
import { ViewHost } from './ViewHost.tsx';

/** The side bar: the views of the active container, each in a collapsible section. */
export function SideBar() {
  const services = useServices();
  const containers = useRegistry(services.containers);
  const views = useRegistry(services.views);
  const layout = useValue(services.layout.state);
  const container =
    containers.find((c) => c.id === layout.activeSidebar) ??
    containers
      .filter((c) => c.location === 'sidebar')
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))[0];
  const mine = useMemo(
    () =>
      views
        .filter((v) => v.container === container?.id)
        .sort((a, b) => (a.order ?? 100) - (b.order ?? 100)),
    [views, container],
  );
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});

  if (!container) return <aside className="rp-sidebar" id="rp-sidebar" aria-label="Side bar" />;
  return (
    <aside className="rp-sidebar" id="rp-sidebar" aria-label={container.title}>
      <header className="rp-sidebar-title">
        <h2>{container.title}</h2>
        {mine.length === 1 && mine[0]?.actions ? <ViewActions commands={mine[0].actions} /> : null}
      </header>
      {mine.length === 0 ? <p className="rp-empty">No views here yet.</p> : null}
      {mine.map((view) =>
        mine.length === 1 ? (
          <section key={view.id} className="rp-view rp-view-single" aria-label={view.title}>
            <ViewHost view={view} />
          </section>
        ) : (
          <section
            key={view.id}
            className="rp-view"
            data-collapsed={collapsed[view.id] || undefined}
          >
            <header className="rp-view-header">
              <button
                type="button"
                aria-expanded={!collapsed[view.id]}
                onClick={() => setCollapsed({ ...collapsed, [view.id]: !collapsed[view.id] })}
              >
                <Icon name={collapsed[view.id] ? 'chevron-right' : 'chevron-down'} size={14} />
                <h3>{view.title}</h3>
              </button>
              {view.actions ? <ViewActions commands={view.actions} /> : null}
            </header>
            {collapsed[view.id] ? null : (
              <div className="rp-view-body">
                <ViewHost view={view} />
              </div>
            )}
          </section>
        ),
      )}
    </aside>
  );
}
