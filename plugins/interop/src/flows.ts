import {
  type CsvMapping,
  decodeUtf8,
  type ImportResult,
  importCounts,
  withPosition,
} from '@repertoire/interop';
import type {
  CustomViewProvider,
  JsonValue,
  OpenedFile,
  PluginContext,
} from '@repertoire/plugin-api';
import { createCsvMappingScreen } from './csvMappingScreen.ts';
import { type ExportFormat, exportFile, readGraph } from './exportGraph.ts';
import { writeNoteDocuments } from './noteDocuments.ts';
import { prepareImport } from './prepareImport.ts';
import { formatOf, type ImportFormat, needsCsvMapping, sourceKey } from './readSource.ts';

const PICKERS: Record<ImportFormat, { title: string; extensions: string[]; folder?: boolean }> = {
  vault: {
    title: 'Import a Markdown or Obsidian vault (a .zip, or pick its notes)',
    extensions: ['.zip', '.md'],
  },
  gexf: { title: 'Import a Gephi file', extensions: ['.gexf'] },
  graphml: { title: 'Import a GraphML file', extensions: ['.graphml', '.xml'] },
  csv: { title: 'Import a spreadsheet', extensions: ['.csv'] },
  json: { title: 'Import Repertoire JSON', extensions: ['.json'] },
};

/** "5 entities, 6 relations, 5 documents, 2 unresolved links, 3 embeds, 1 problem". */
function describe(result: ImportResult): string {
  const c = importCounts(result);
  const part = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return [
    part(c.entities, 'entity', 'entities'),
    part(c.relations, 'relation'),
    part(c.documents, 'note text'),
    part(c.unresolvedLinks, 'unresolved link'),
    part(c.embeds, 'embed'),
    part(c.errors, 'problem'),
  ].join(', ');
}

/** What the plugin's commands and its CSV mapping view run. */
export interface InteropFlows {
  readonly csvScreen: CustomViewProvider;
  /** Picks, reads, previews and applies one import; resolves with what it made. */
  runImport(
    format: ImportFormat | undefined,
    kindArg?: JsonValue,
  ): Promise<{ created: number; updated: number; linked: number } | undefined>;
  /** Writes the community in a format and saves the file; resolves with its name. */
  runExport(format: ExportFormat): Promise<string>;
}

/**
 * The import and export flows and the CSV mapping screen: the readers and writers of every format
 * (and what they need: zip, XML, CSV parsers), loaded the first time one of the plugin's commands
 * runs, so activating the plugin costs the page almost nothing.
 */
export function interopFlows(context: PluginContext): InteropFlows {
  const { commands, graph, window, files } = context;
  const csvScreen = createCsvMappingScreen(() => {
    commands.executeCommand('interop.importCsv').catch((error) => context.log.error(String(error)));
  });

  /** Picks, reads, previews and applies one import; returns what it made. */
  const runImport = async (format: ImportFormat | undefined, kindArg?: JsonValue) => {
    const picker = format
      ? PICKERS[format]
      : {
          title: 'Import into the community',
          extensions: ['.zip', '.md', '.gexf', '.graphml', '.csv', '.json'],
        };
    const picked = await files.showOpenDialog({ ...picker, multiple: true });
    if (!picked?.length) return undefined;
    const chosen = format ?? formatOf(picked[0]?.name ?? '');
    if (!chosen) {
      await window.showNotification(
        `Repertoire cannot read ${picked[0]?.name}: choose a .zip or .md vault, .gexf, .graphml, .csv or .json file.`,
        { severity: 'error' },
      );
      return undefined;
    }
    const kinds = await graph.entityKinds();
    let kind = typeof kindArg === 'string' ? kindArg : undefined;
    if (!kind) {
      const item = await window.showQuickPick(
        kinds.map((k) => ({ label: k.label, description: k.kind })),
        {
          title: 'What is a row, node or note that does not say its kind?',
          placeholder: 'e.g. Artifact',
        },
      );
      if (!item) return undefined;
      kind = kinds.find((k) => k.label === item.label)?.kind ?? item.description;
    }
    const source = sourceKey(picked);
    let csvMapping: CsvMapping | undefined;
    if (needsCsvMapping(chosen, picked)) {
      const [sheet] = picked as [OpenedFile];
      try {
        const text = decodeUtf8(sheet.data, sheet.name);
        const answer = csvScreen.ask({ name: sheet.name, text, kinds }, kind ?? 'artifact');
        const shown = await window.showView('interop.csvMapping').then(
          () => true,
          () => false,
        );
        // Without a screen (a headless host) the guess from the header stands.
        csvMapping = shown ? await answer : undefined;
        if (shown && !csvMapping) return undefined;
      } catch (error) {
        await window.showNotification(
          `Nothing was imported: ${sheet.name} ${(error as Error).message}`,
          { severity: 'error' },
        );
        return undefined;
      }
    }
    const prepared = await window
      .withProgress({ title: `Reading ${source}`, cancellable: true }, (progress, token) =>
        prepareImport(
          { graph, format: chosen, files: picked, kind: kind ?? 'artifact', source, kinds },
          csvMapping,
          progress,
          token,
        ),
      )
      .catch(async (error: Error) => {
        await window.showNotification(`Nothing was imported: ${picked[0]?.name} ${error.message}`, {
          severity: 'error',
        });
        return undefined;
      });
    if (!prepared) return undefined;
    if (prepared === 'cancelled') {
      await window.showNotification(`The import of ${source} was cancelled; nothing changed.`);
      return undefined;
    }
    const { result, plan } = prepared;
    // The preview: what would come in, and what could not, before anything changes.
    const problems = result.issues.slice(0, 3).map((i) => withPosition(i.message, i));
    const unresolved = result.unresolved
      .slice(0, 3)
      .map((u) => `[[${u.target}]] in ${u.file ?? u.from}${u.line ? ` line ${u.line}` : ''}`);
    const answer = await window.showQuickPick(
      [
        { label: 'Import', description: describe(result) },
        ...(problems.length ? [{ label: 'Problems', description: problems.join(' · ') }] : []),
        ...(unresolved.length
          ? [{ label: 'Unresolved links', description: unresolved.join(' · ') }]
          : []),
        { label: 'Cancel', description: 'Change nothing' },
      ],
      { title: `Import ${picked.length === 1 ? picked[0]?.name : `${picked.length} files`}?` },
    );
    if (answer?.label !== 'Import') return undefined;

    try {
      await graph.applyEdits(plan.edits);
    } catch (error) {
      await window.showNotification(`Nothing was imported: ${(error as Error).message}`, {
        severity: 'error',
      });
      return undefined;
    }
    // The graph came in whole; each note's text then becomes its entity's co-edited document.
    let texts = 0;
    if (plan.documents.length > 0 && context.permissions.includes('documents.write'))
      texts = await window
        .withProgress({ title: `Writing the note texts of ${source}` }, (progress) =>
          writeNoteDocuments(context.documents, plan.documents, progress),
        )
        .catch((error: Error) => {
          context.log.warn(`note texts not written: ${error.message}`);
          return 0;
        });
    const done = `Imported ${plan.created} new and ${plan.updated} updated entities, ${plan.linked} new relations${texts ? ` and ${texts} note texts` : ''} from ${source}.`;
    window
      .showNotification(done, { actions: ['Undo'] })
      .then(async (action) => {
        if (action !== 'Undo') return;
        await graph.applyEdits(plan.undo);
        await window.showNotification(`Undid the import of ${source}.`);
      })
      .catch((error) => context.log.error(String(error)));
    return { created: plan.created, updated: plan.updated, linked: plan.linked };
  };

  const runExport = async (format: ExportFormat) => {
    const [portable, kinds] = await Promise.all([readGraph(graph), graph.entityKinds()]);
    const name = `repertoire-${new Date().toISOString().slice(0, 10)}`;
    // The canvas follows the graph view as this member left it (kept by the graph view library).
    // The graph view library (Cytoscape) is fetched only for this one format.
    const positions =
      format === 'canvas' && typeof localStorage !== 'undefined'
        ? (await import('@repertoire/graph-view'))
            .storagePositionStore(localStorage, context.workspace.id, context.workspace.user.id)
            .load()
        : {};
    const file = exportFile(format, portable, kinds, name, positions);
    await files.saveFile(file.name, file.data, file.mimeType);
    await window.showNotification(
      `Exported ${portable.entities.length} entities and ${portable.relations.length} relations to ${file.name}.`,
    );
    return file.name;
  };

  return { csvScreen, runImport, runExport };
}
