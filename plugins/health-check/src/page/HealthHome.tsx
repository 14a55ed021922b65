import {
  type CustomViewContext,
  type CustomViewElement,
  type Disposable,
  HEALTH_ELEMENTS,
  type HealthCheckOverview,
  type PluginContext,
} from '@repertoire/plugin-api';
import { type ReactNode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { describeResponses, isVisible, meansOf } from '../roundComparison.ts';

const CSS = `
.rp-health-home { border: 1px solid var(--rp-border); border-radius: var(--rp-radius, 6px); padding: 14px 16px; margin: 14px 0; background: var(--rp-bg-elevated, var(--rp-bg)); max-width: 1100px; color: var(--rp-fg); font-size: 14px; }
.rp-health-home h2 { margin: 0 0 8px; font-size: 16px; }
.rp-health-home p { margin: 4px 0; }
.rp-health-home-muted { color: var(--rp-fg-muted); }
.rp-health-home button:focus-visible { outline: 2px solid var(--rp-focus, var(--rp-accent)); outline-offset: 1px; }
`;

const label = (id: string) => HEALTH_ELEMENTS.find((e) => e.id === id)?.label ?? id;

/** The latest round in a sentence or two: how many answered, and its strongest and weakest element. */
export function HealthHome(props: {
  overview?: HealthCheckOverview;
  error?: string;
  open: () => void;
}) {
  const { overview } = props;
  const latest = overview?.rounds.at(-1);
  let body: ReactNode;
  if (!overview) body = <p role="status">{props.error ?? 'Reading the health checks…'}</p>;
  else if (!latest)
    body = (
      <p className="rp-health-home-muted">
        No health check yet. {overview.canOpen ? 'Open a round' : 'A facilitator opens a round'} to
        ask members, privately, how the community does on the six elements.
      </p>
    );
  else {
    const means = isVisible(latest) ? Object.entries(meansOf(latest)) : [];
    const sorted = [...means].sort((a, b) => b[1] - a[1]);
    const strongest = sorted[0];
    const weakest = sorted.at(-1);
    body = (
      <>
        <p data-home-round={latest.title}>
          <strong>{latest.title}</strong> ({latest.status === 'open' ? 'open' : 'closed'}):{' '}
          {describeResponses(latest.results)}.
          {latest.status === 'open' && overview.canAnswer && !latest.myAnswer
            ? ' You have not answered yet.'
            : ''}
        </p>
        {strongest && weakest ? (
          <p data-home-round-results>
            Strongest: {label(strongest[0])} ({strongest[1].toFixed(1)} of 5). Weakest:{' '}
            {label(weakest[0])} ({weakest[1].toFixed(1)} of 5).
          </p>
        ) : (
          <p className="rp-health-home-muted">
            Results show once {latest.results.threshold} members have answered.
          </p>
        )}
      </>
    );
  }
  return (
    <section className="rp-health-home" aria-labelledby="health-home" data-section="health-home">
      <h2 id="health-home">Health check</h2>
      {body}
      <p>
        <button type="button" onClick={props.open}>
          Open Health check
        </button>
      </p>
    </section>
  );
}

function Live(props: { context: PluginContext; view: CustomViewContext }) {
  const [overview, setOverview] = useState<HealthCheckOverview>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    props.context.healthChecks.rounds().then(
      (o) => live && setOverview(o),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [props.context]);
  return (
    <HealthHome
      {...(overview ? { overview } : {})}
      {...(error ? { error } : {})}
      open={() => props.view.openView('healthCheck.rounds')}
    />
  );
}

/** The home page's section (`healthCheck.home`): the latest round at a glance. */
export function mountHealthHome(
  element: CustomViewElement,
  view: CustomViewContext,
  context: PluginContext,
): Disposable {
  const container = document.createElement('div');
  const style = document.createElement('style');
  style.textContent = CSS;
  const mount = document.createElement('div');
  container.append(style, mount);
  (element as HTMLElement).append(container);
  const root = createRoot(mount);
  root.render(<Live context={context} view={view} />);
  return {
    dispose() {
      queueMicrotask(() => {
        root.unmount();
        container.remove();
      });
    },
  };
}
