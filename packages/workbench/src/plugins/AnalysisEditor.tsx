import type { ViewContent } from '@repertoire/plugin-api';
import type { PluginHost } from '@repertoire/plugin-host';
import { type ComponentType, createElement, useEffect, useState } from 'react';
import { StaticContent } from '../parts/ViewHost.tsx';

type Outcome =
  | { state: 'running' }
  | { state: 'done'; content: ViewContent }
  | { state: 'failed'; message: string };

/** One run of an analysis; "Run again" mounts a new one. */
function AnalysisRun(props: { id: string; host: PluginHost }) {
  const { id, host } = props;
  const [outcome, setOutcome] = useState<Outcome>({ state: 'running' });
  useEffect(() => {
    let live = true;
    host.runAnalysis(id).then(
      (content) => live && setOutcome({ state: 'done', content }),
      (error: unknown) =>
        live &&
        setOutcome({
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, [id, host]);
  if (outcome.state === 'running')
    return (
      <p className="rp-empty" role="status">
        Running…
      </p>
    );
  if (outcome.state === 'failed')
    return (
      <p className="rp-empty rp-error" role="alert">
        This analysis failed: {outcome.message}
      </p>
    );
  return <StaticContent content={outcome.content} />;
}

/**
 * The tab of an analysis (`analysis:<id>`): runs it through the host (in its plugin's Worker when
 * the plugin is sandboxed) and shows the checked result with the declarative views' components;
 * a failure or a result that does not fit says so in the tab. "Run again" reads the graph anew.
 */
function AnalysisEditor(props: { uri: string; host: PluginHost }) {
  const { host } = props;
  const id = props.uri.slice('analysis:'.length);
  const declared = host.contributions.analyses().find((a) => a.id === id);
  const [attempt, setAttempt] = useState(0);
  return (
    <div className="rp-page rp-analysis" data-analysis={id}>
      <header className="rp-analysis-header">
        <h1>{declared?.label ?? id}</h1>
        {declared?.description ? <p className="rp-row-desc">{declared.description}</p> : null}
        <button
          type="button"
          className="rp-button rp-button-secondary rp-button-small"
          onClick={() => setAttempt((n) => n + 1)}
        >
          Run again
        </button>
      </header>
      <AnalysisRun key={attempt} id={id} host={host} />
    </div>
  );
}

/** The analysis tab's component for an editor provider, bound to `host`. */
export function analysisEditor(host: PluginHost): ComponentType<{ uri: string }> {
  return (props) => createElement(AnalysisEditor, { uri: props.uri, host });
}
