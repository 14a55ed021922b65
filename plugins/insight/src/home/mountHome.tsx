import type {
  CustomViewContext,
  CustomViewElement,
  Disposable,
  PluginContext,
} from '@repertoire/plugin-api';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readCommunity } from '../communityData.ts';
import { createInsightComputer } from '../insightRequest.ts';
import { readInsightSettings } from '../insightSettings.ts';
import { type HomeActions, HomePage, type HomeState } from './HomePage.tsx';
import { HOME_CSS } from './homeStyles.ts';

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
  const [state, setState] = useState<HomeState>({ computing: true });
  // Set by the effect below; the actions call it after linking the account.
  const refresh = useRef<() => void>(() => undefined);
  const [actions] = useState<HomeActions>(() => ({
    context,
    view,
    claim: async (memberId) => {
      await context.activity.claimMember(memberId);
      refresh.current();
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
      refresh.current();
    },
  }));
  useEffect(() => {
    const computer = createInsightComputer();
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      setState((s) => ({ ...s, computing: true }));
      try {
        const [snapshot, settings] = await Promise.all([
          readCommunity(context),
          readInsightSettings(context.settings),
        ]);
        const report = await computer.compute(snapshot, settings, new Date().toISOString());
        if (!disposed) setState({ report, snapshot, computing: false });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!disposed && message !== 'superseded')
          setState((s) => ({ ...s, computing: false, error: message }));
      }
    };
    // Changes come in bursts (a transaction, a sync): recompute once they settle.
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), 30);
    };
    refresh.current = schedule;
    void run();
    const subs = [context.graph.onDidChange(schedule), context.settings.onDidChange(schedule)];
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
