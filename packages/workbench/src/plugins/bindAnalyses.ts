import type { PluginHost } from '@repertoire/plugin-host';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { analysisEditor } from './AnalysisEditor.tsx';

/**
 * Makes the analyses plugins declare (`contributes.analyses`, API 1.4) runnable: the palette's
 * "Analyses: Run an analysis…" picks one (or takes its id as argument) and opens its tab, which
 * runs it and shows the result.
 */
export function bindAnalyses(services: WorkbenchServices, host: PluginHost): Disposable {
  return combineDisposables(
    services.commands.register({
      id: 'analysis.run',
      title: 'Run an analysis…',
      category: 'Analyses',
      icon: 'gauge',
      run: async (arg?: unknown) => {
        const analyses = host.contributions.analyses();
        let id = typeof arg === 'string' ? arg : undefined;
        if (id === undefined) {
          if (analyses.length === 0) {
            services.notifications.info(
              'No analysis yet: enable a plugin that contributes one (contributes.analyses).',
            );
            return undefined;
          }
          const names = new Map(host.plugins().map((p) => [p.id, p.displayName]));
          const picked = await services.quickInput.pick(
            analyses.map((a) => ({
              id: a.id,
              label: a.label,
              description: a.description ?? names.get(a.pluginId) ?? a.pluginId,
            })),
            { title: 'Run an analysis', placeholder: 'Which analysis?' },
          );
          id = picked?.id;
        }
        if (id === undefined) return undefined;
        if (!analyses.some((a) => a.id === id)) throw new Error(`Analysis ${id} does not exist.`);
        services.editors.open(`analysis:${id}`);
        return id;
      },
    }),
    services.editorProviders.register({
      id: 'analysis',
      describe: (uri) => {
        const id = uri.slice('analysis:'.length);
        return {
          title: host.contributions.analyses().find((a) => a.id === id)?.label ?? id,
          icon: 'gauge',
        };
      },
      component: analysisEditor(host),
    }),
  );
}
