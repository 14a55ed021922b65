import {
  analysisInWorker,
  argOrAsk,
  type EntityInfo,
  type JsonValue,
  linkCommand,
  naturalCompare,
  type PluginContext,
  pickEntity,
  type RelationInfo,
  type TreeItem,
} from '@repertoire/plugin-api';

import { findGaps, gapsTable } from './gaps.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { findGaps, gapsTable } from './gaps.ts';

/** Activates the knowledge plugin: domain, problem and practice commands and views. */
export function activate(context: PluginContext): void {
  const { analyses, commands, graph, window, views, subscriptions } = context;
  const ask = (title: string, placeholder: string) => () =>
    window.showInputBox({ title, placeholder });
  const create = async (kind: string, title: string, fields: Record<string, JsonValue>) =>
    (await graph.transact((tx) => tx.createEntity({ kind, title, fields }))).created[0];

  subscriptions.push(
    commands.registerCommand('knowledge.addDomain', async (name?: JsonValue) => {
      const title = await argOrAsk(name, ask('Add domain', 'e.g. E-learning across the school'));
      return title ? create('domain', title, {}) : undefined;
    }),
    commands.registerCommand(
      'knowledge.addProblem',
      async (name?: JsonValue, domain?: JsonValue) => {
        const title = await argOrAsk(name, ask('Add problem of practice', 'A recurring problem'));
        if (!title) return undefined;
        const domainId = await argOrAsk(domain, () =>
          pickEntity(context, { kind: 'domain', title: 'Which domain does it belong to?' }),
        );
        const { refs } = await graph.transact((tx) => {
          const id = tx.createEntity({ kind: 'problem', title, fields: { status: 'open' } });
          if (domainId) tx.link(id, 'belongs-to', domainId);
          return id;
        });
        return refs['new:1'];
      },
    ),
    commands.registerCommand(
      'knowledge.addPractice',
      async (name?: JsonValue, problem?: JsonValue) => {
        const title = await argOrAsk(name, ask('Add practice', 'A method, story, tool or routine'));
        if (!title) return undefined;
        const problemId = await argOrAsk(problem, () =>
          pickEntity(context, { kind: 'problem', title: 'Which problem does it address?' }),
        );
        const { refs } = await graph.transact((tx) => {
          const id = tx.createEntity({ kind: 'practice', title, fields: { status: 'emerging' } });
          if (problemId) tx.link(id, 'addresses', problemId);
          return id;
        });
        return refs['new:1'];
      },
    ),
    commands.registerCommand(
      'knowledge.linkPractice',
      linkCommand(
        context,
        { kind: 'practice' },
        { kind: 'problem', title: 'It addresses…' },
        'addresses',
      ),
    ),
    commands.registerCommand(
      'knowledge.recordPractitioner',
      linkCommand(
        context,
        { kind: 'member', title: 'Who?' },
        { kind: 'practice', title: 'Practises…' },
        (expert) => (expert === true ? 'is-expert-in' : 'practises'),
      ),
    ),
    commands.registerCommand('knowledge.establishPractice', async (practice?: JsonValue) => {
      const id = await argOrAsk(practice, () =>
        pickEntity(context, { kind: 'practice', title: 'Which practice is now established?' }),
      );
      if (!id) return false;
      await graph.transact((tx) => tx.updateEntity(id, { fields: { status: 'established' } }));
      return true;
    }),
    views.registerViewProvider('knowledge.repertoire', {
      resolve: async () => ({
        type: 'tree',
        items: repertoireTree(await graph.entities(), await graph.relations()),
      }),
      onDidChange: (listener) => graph.onDidChange(() => listener()),
    }),
    views.registerViewProvider('knowledge.gaps', {
      resolve: async () => gapsTable(findGaps(await graph.entities(), await graph.relations())),
      onDidChange: (listener) => graph.onDidChange(() => listener()),
    }),
    // The same gaps as an analysis in a tab, computed in a Worker of its own so a large community
    // never freezes the workbench while it runs.
    analyses.registerAnalysis(
      'knowledge.gapsAnalysis',
      analysisInWorker(
        graph,
        () => new Worker(new URL('./gapsWorker.ts', import.meta.url), { type: 'module' }),
      ),
    ),
  );
}

/** Domain → problems → practices, as the Repertoire view shows it. */
export function repertoireTree(
  entities: readonly EntityInfo[],
  relations: readonly RelationInfo[],
): TreeItem[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const item = (e: EntityInfo, children?: TreeItem[]): TreeItem => ({
    id: e.id,
    label: e.title,
    entityId: e.id,
    ...(e.kind === 'practice' ? { description: String(e.fields.status ?? 'emerging') } : {}),
    ...(children ? { children } : {}),
  });
  const practicesOf = (problemId: string) =>
    relations
      .filter((r) => r.type === 'addresses' && r.to === problemId)
      .map((r) => byId.get(r.from))
      .filter((e): e is EntityInfo => e !== undefined)
      .map((e) => item(e));
  const problemsOf = (domainId: string) =>
    relations
      .filter((r) => r.type === 'belongs-to' && r.to === domainId)
      .map((r) => byId.get(r.from))
      .filter((e): e is EntityInfo => e !== undefined)
      .map((e) => item(e, practicesOf(e.id)));
  return entities
    .filter((e) => e.kind === 'domain')
    .sort((a, b) => naturalCompare(a.title, b.title))
    .map((d) => item(d, problemsOf(d.id)));
}
