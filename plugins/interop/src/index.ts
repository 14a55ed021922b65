import { type JsonValue, lazyCustomView, type PluginContext } from '@repertoire/plugin-api';
import type { ExportFormat } from './exportGraph.ts';
import type { InteropFlows } from './flows.ts';
import type { ImportFormat } from './readSource.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };

const importers: [string, ImportFormat][] = [
  ['interop.importVault', 'vault'],
  ['interop.importGexf', 'gexf'],
  ['interop.importGraphml', 'graphml'],
  ['interop.importCsv', 'csv'],
  ['interop.importJson', 'json'],
];
const exporters: [string, ExportFormat][] = [
  ['interop.exportGexf', 'gexf'],
  ['interop.exportGraphml', 'graphml'],
  ['interop.exportCsv', 'csv'],
  ['interop.exportVault', 'vault'],
  ['interop.exportCanvas', 'canvas'],
  ['interop.exportJson', 'json'],
];

/**
 * Activates import and export: a command per format, all through the plugin API. Activating only
 * registers them; the readers and writers (about 1.5 MB of parsers) arrive with the first command.
 */
export function activate(context: PluginContext): void {
  const { commands, window, views, subscriptions } = context;
  let flows: Promise<InteropFlows> | undefined;
  let ready = false;
  const load = () => {
    flows ??= import('./flows.ts').then((m) => {
      ready = true;
      return m.interopFlows(context);
    });
    // Said only while the code is on its way (the first command), never again.
    return ready
      ? flows
      : window.withProgress(
          { title: 'Loading import and export…' },
          () => flows as Promise<InteropFlows>,
        );
  };
  const runImport = async (format: ImportFormat | undefined, kind?: JsonValue) =>
    (await load()).runImport(format, kind);
  const runExport = async (format: ExportFormat) => (await load()).runExport(format);
  subscriptions.push(
    views.registerCustomView(
      'interop.csvMapping',
      lazyCustomView(() => load().then(({ csvScreen }) => csvScreen.mount.bind(csvScreen)), {
        onError: (error) => context.log.error(String(error)),
      }),
    ),
    commands.registerCommand('interop.import', (kind?: JsonValue) => runImport(undefined, kind)),
    ...importers.map(([id, format]) =>
      commands.registerCommand(id, (kind?: JsonValue) => runImport(format, kind)),
    ),
    commands.registerCommand('interop.export', async () => {
      const item = await window.showQuickPick(
        exporters.map(([, format]) => ({ label: format.toUpperCase(), description: format })),
        { title: 'Export the community as…' },
      );
      const format = exporters.find(([, f]) => f === item?.description)?.[1];
      return format ? runExport(format) : undefined;
    }),
    ...exporters.map(([id, format]) => commands.registerCommand(id, () => runExport(format))),
  );
}
