import type {
  CustomViewContext,
  CustomViewElement,
  Disposable,
  PluginContext,
} from '@repertoire/plugin-api';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readQuestionSettings } from '../questionSettings.ts';
import {
  HealthCheckPage,
  type HealthPageActions,
  type HealthPageState,
} from './HealthCheckPage.tsx';
import { HEALTH_CSS } from './healthStyles.ts';

/** Others' answers arrive on the server, not through sync: the page asks again this often. */
const REFRESH_MS = 20_000;

function Live(props: { context: PluginContext; view: CustomViewContext }) {
  const { context, view } = props;
  const [state, setState] = useState<HealthPageState>({ loading: true });
  const [theme, setTheme] = useState(view.theme);
  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const [overview, defaults] = await Promise.all([
        context.healthChecks.rounds(),
        readQuestionSettings(context.settings),
      ]);
      setState({ overview, defaults, loading: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState((s) => ({ ...s, loading: false, error: message }));
    }
  }, [context]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    const subs = [view.onDidChangeTheme(setTheme), context.settings.onDidChange(() => void load())];
    return () => {
      clearInterval(timer);
      for (const s of subs) s.dispose();
    };
  }, [context, view, load]);
  // Every action goes to the server, which decides; the page then shows what the server now says.
  const actions = useMemo<HealthPageActions>(
    () => ({
      open: async (input) => {
        await context.healthChecks.open(input);
        await load();
      },
      close: async (id) => {
        await context.healthChecks.close(id);
        await load();
      },
      answer: async (id, answer) => {
        await context.healthChecks.answer(id, answer);
        await load();
      },
      withdraw: async (id) => {
        await context.healthChecks.withdraw(id);
        await load();
      },
      refresh: () => void load(),
    }),
    [context, load],
  );
  return <HealthCheckPage state={state} actions={actions} theme={theme} />;
}

/** Renders the Health check page into the workbench's element; returns how to remove it. */
export function mountHealthCheck(
  element: CustomViewElement,
  view: CustomViewContext,
  context: PluginContext,
): Disposable {
  const container = document.createElement('div');
  container.className = 'rp-health-root';
  container.style.cssText = 'position:absolute;inset:0';
  const style = document.createElement('style');
  style.textContent = HEALTH_CSS;
  container.append(style);
  const mount = document.createElement('div');
  container.append(mount);
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
