import { termsOf } from '@repertoire/insight';
import type {
  CustomViewContext,
  CustomViewElement,
  Disposable,
  PluginContext,
} from '@repertoire/plugin-api';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readCommunity, readViewerActivity, type ViewerActivity } from '../communityData.ts';
import { createInsightComputer } from '../insightRequest.ts';
import { readInsightSettings } from '../insightSettings.ts';
import { type HomeActions, HomePage, type HomeState } from './HomePage.tsx';
import { HOME_CSS } from './homeStyles.ts';

/** How long a burst of graph changes may take before the page recomputes. */
const SETTLE_MS = 8;
/** How long the viewer's activity records are reused before the server is asked again. */
const ACTIVITY_MS = 30_000;

/** The element the page renders in (class `rp-insight-home`); it carries the latest state for tests. */
export interface HomeElement extends HTMLElement {
  insightState?: HomeState;
}

function Live(props: {
  context: PluginContext;
  view: CustomViewContext;
  onState: (s: HomeState) => void;
}) {
  const { context, view, onState } = props;
  const [state, setState] = useState<HomeState>({ computing: true, terms: [] });
  // Set by the effect below; the actions call it after linking the account.
  const refresh = useRef<(fresh?: boolean) => void>(() => undefined);
  // The date shown (a day, or undefined for today) and the two terms compared, by key.
  const asked = useRef<{ asOf?: string; compare?: readonly [string, string] }>({});
  const [actions] = useState<HomeActions>(() => ({
    context,
    view,
    showAsOf: (day) => {
      const { asOf: _shown, ...rest } = asked.current;
      asked.current = day ? { ...rest, asOf: day } : rest;
      refresh.current();
    },
    compareTerms: (first, second) => {
      asked.current = { ...asked.current, compare: [first, second] };
      refresh.current();
    },
    claim: async (memberId) => {
      await context.activity.claimMember(memberId);
      refresh.current(true);
    },
    addMe: async () => {
      const { created } = await context.graph.transact((tx) =>
        tx.createEntity({
          kind: 'member',
          title: context.workspace.user.name,
          fields: { role: 'member', joined: new Date().toISOString().slice(0, 10) },
        }),
      );
      if (created[0]) await context.activity.claimMember(created[0]);
      refresh.current(true);
    },
  }));
  useEffect(() => {
    const computer = createInsightComputer();
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The viewer and their activity records, asked again at most every ACTIVITY_MS (edit sessions
    // are recorded when they end, not with each graph change) or after "This is me".
    let activity: { value: Promise<ViewerActivity>; at: number } | undefined;
    const viewerActivity = (fresh: boolean) => {
      if (fresh || !activity || Date.now() - activity.at > ACTIVITY_MS)
        activity = { value: readViewerActivity(context), at: Date.now() };
      return activity.value;
    };
    const run = async (fresh = false) => {
      setState((s) => ({ ...s, computing: true }));
      const { asOf: day, compare: chosen } = asked.current;
      // A past day is shown as it stood at its end, so that day's meeting counts.
      const now = day ? `${day}T23:59:59.999Z` : new Date().toISOString();
      try {
        const [snapshot, settings] = await Promise.all([
          viewerActivity(fresh).then((a) => readCommunity(context, day ? now : undefined, a)),
          readInsightSettings(context.settings),
        ]);
        performance.mark('insight.dataRead');
        const terms = termsOf(snapshot.data, now);
        const byKey = (key: string | undefined) => terms.find((t) => t.key === key);
        // By default the latest two terms begun by the date shown: this term beside the last.
        const started = terms.filter((t) => t.start <= now);
        const pair = [
          byKey(chosen?.[0]) ?? started.at(-2) ?? terms[0],
          byKey(chosen?.[1]) ?? started.at(-1) ?? terms[1],
        ].filter((t) => t !== undefined);
        const report = await computer.compute(
          snapshot,
          settings,
          now,
          pair.length === 2 ? pair : undefined,
        );
        performance.mark('insight.reportReady');
        if (!disposed)
          setState({
            report,
            snapshot,
            computing: false,
            terms,
            ...(day ? { asOf: day } : {}),
          });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!disposed && message !== 'superseded')
          setState((s) => ({ ...s, computing: false, error: message }));
      }
    };
    // Changes come in bursts (a transaction, a sync): recompute once they settle.
    const schedule = (fresh = false) => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(fresh), SETTLE_MS);
    };
    refresh.current = schedule;
    void run(true);
    const subs = [
      context.graph.onDidChange(() => {
        // Marks on the page's timeline, so the live-update benchmark can tell sync from recompute.
        performance.mark('insight.graphChanged');
        schedule();
      }),
      context.settings.onDidChange(() => schedule()),
    ];
    return () => {
      disposed = true;
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      computer.dispose();
    };
  }, [context]);
  useEffect(() => onState(state), [state, onState]);
  return <HomePage state={state} actions={actions} />;
}

/** Renders the Community page into the workbench's element; returns how to remove it. */
export function mountHome(
  element: CustomViewElement,
  view: CustomViewContext,
  context: PluginContext,
): Disposable {
  const container: HomeElement = document.createElement('div');
  container.className = 'rp-insight-home';
  container.style.cssText = 'position:absolute;inset:0';
  const style = document.createElement('style');
  style.textContent = HOME_CSS;
  container.append(style);
  const mount = document.createElement('div');
  container.append(mount);
  (element as HTMLElement).append(container);
  const root = createRoot(mount);
  root.render(
    <Live
      context={context}
      view={view}
      onState={(s) => {
        container.insightState = s;
      }}
    />,
  );
  return {
    dispose() {
      queueMicrotask(() => {
        root.unmount();
        container.remove();
      });
    },
  };
}
