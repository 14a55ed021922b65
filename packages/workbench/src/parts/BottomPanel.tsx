import { Icon } from '@repertoire/icons';
import { useMemo } from 'react';
import { useRegistry, useServices, useValue } from '../shell/context.tsx';
import { ViewHost } from './ViewHost.tsx';

/** The bottom panel: one tab per panel container (analyses, problems…). */
export function BottomPanel() {
  const services = useServices();
  const containers = useRegistry(services.containers);
  const views = useRegistry(services.views);
  const layout = useValue(services.layout.state);
  const tabs = useMemo(
    () =>
      containers
        .filter((c) => c.location === 'panel')
        .sort((a, b) => (a.order ?? 100) - (b.order ?? 100)),
    [containers],
  );
  const active = tabs.find((t) => t.id === layout.activePanel) ?? tabs[0];
  const mine = views.filter((v) => v.container === active?.id);
  return (
    <section className="rp-panel" aria-label="Panel">
      <div className="rp-panel-tabs" role="tablist" aria-label="Panel views">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === active?.id}
            className="rp-panel-tab"
            onClick={() => services.layout.togglePanel(t.id)}
          >
            {t.title}
          </button>
        ))}
        <div className="rp-tabs-fill" />
        <button
          type="button"
          className="rp-icon-button"
          aria-label="Hide panel"
          title="Hide panel"
          onClick={() => services.layout.togglePanel()}
        >
          <Icon name="x" />
        </button>
      </div>
      <div className="rp-panel-body" role="tabpanel">
        {tabs.length === 0 ? (
          <p className="rp-empty">
            No plugin has added a panel yet. Analyses and problems appear here.
          </p>
        ) : (
          mine.map((v) => <ViewHost key={v.id} view={v} />)
        )}
      </div>
    </section>
  );
}
