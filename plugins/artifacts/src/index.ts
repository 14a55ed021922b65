import {
  argOrAsk,
  type EntityInfo,
  type JsonValue,
  linkCommand,
  naturalCompare,
  type PluginContext,
  type TreeItem,
} from '@repertoire/plugin-api';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };

/** Kinds of artifact other than a co-edited document. */
export const ARTIFACT_TYPES = ['guideline', 'link', 'file', 'tool'] as const;

/** Activates the artifacts plugin: artifact commands and the Artifacts view. */
export function activate(context: PluginContext): void {
  const { commands, graph, window, views, documents, subscriptions } = context;

  subscriptions.push(
    commands.registerCommand(
      'artifacts.addArtifact',
      async (name?: JsonValue, type?: JsonValue, url?: JsonValue) => {
        const title = await argOrAsk(name, () =>
          window.showInputBox({
            title: 'Add artifact',
            placeholder: 'e.g. Digital citizenship guideline',
          }),
        );
        if (!title) return undefined;
        const kind = await argOrAsk(
          type,
          async () =>
            (
              await window.showQuickPick(
                ARTIFACT_TYPES.map((t) => ({ label: t })),
                { title: 'What kind of artifact?' },
              )
            )?.label,
        );
        const { refs } = await graph.transact((tx) => {
          const id = tx.createEntity({
            kind: 'artifact',
            title,
            fields: { type: kind ?? 'guideline', ...(typeof url === 'string' ? { url } : {}) },
          });
          return id;
        });
        return refs['new:1'];
      },
    ),
    commands.registerCommand(
      'artifacts.newDocument',
      async (name?: JsonValue, practice?: JsonValue) => {
        const title = await argOrAsk(name, () =>
          window.showInputBox({ title: 'New co-edited document', placeholder: 'Title' }),
        );
        if (!title) return undefined;
        // The artifact owns the document: the graph knows it, the editor holds its text.
        const { refs } = await graph.transact((tx) => {
          const id = tx.createEntity({
            kind: 'artifact',
            title,
            fields: { type: 'document' },
            document: true,
          });
          if (typeof practice === 'string') tx.link(id, 'documents', practice);
          return id;
        });
        const id = refs['new:1'];
        if (id) await documents.open(id);
        return id;
      },
    ),
    commands.registerCommand(
      'artifacts.linkPractice',
      linkCommand(
        context,
        { kind: 'artifact' },
        { kind: 'practice', title: 'It documents…' },
        'documents',
      ),
    ),
    commands.registerCommand(
      'artifacts.addContributor',
      linkCommand(
        context,
        { kind: 'member', title: 'Who contributed?' },
        { kind: 'artifact', title: 'To which artifact?' },
        'contributes-to',
      ),
    ),
    views.registerViewProvider('artifacts.recent', {
      resolve: async () => ({
        type: 'tree',
        items: recentArtifacts(await graph.entities({ kind: 'artifact' })),
      }),
      onDidChange: (listener) => graph.onDidChange(() => listener()),
    }),
  );
}

/** Artifacts, most recently changed first, for the Artifacts view. */
export function recentArtifacts(artifacts: readonly EntityInfo[]): TreeItem[] {
  return [...artifacts]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || naturalCompare(a.title, b.title))
    .map((a) => ({
      id: a.id,
      label: a.title,
      description: String(a.fields.type ?? ''),
      entityId: a.id,
      icon: a.document ? 'file-text' : 'link',
    }));
}
