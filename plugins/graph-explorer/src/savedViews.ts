import {
  type ExplorerState,
  parseExplorerState,
  serializeExplorerState,
} from '@repertoire/graph-view';
import type { GraphApi, WindowApi } from '@repertoire/plugin-api';
import { GRAPH_VIEW_KIND } from './viewRequests.ts';

export { GRAPH_VIEW_KIND, OPEN_VIEW_COMMAND } from './viewRequests.ts';

/** Asks for a name and saves the view as it is now; returns the new entity's id. */
export async function saveViewAs(
  graph: GraphApi,
  window: WindowApi,
  state: ExplorerState,
): Promise<string | undefined> {
  const existing = new Set(
    (await graph.entities({ kind: GRAPH_VIEW_KIND })).map((e) => e.title.toLowerCase()),
  );
  let name: string | undefined;
  let value = '';
  // The input box has no live validation: ask again, saying why, until the name will do.
  for (let prompt = 'Save view as…'; ; ) {
    const answer = await window.showInputBox({
      title: prompt,
      placeholder: 'A name the community will recognise, e.g. “Lesson study circle”',
      value,
    });
    if (answer === undefined) return undefined;
    value = answer.trim();
    const problem = !value
      ? 'Give the view a name'
      : value.length > 200
        ? 'Keep the name under 200 characters'
        : existing.has(value.toLowerCase())
          ? `A saved view is already called “${value}”: choose another name`
          : undefined;
    if (!problem) {
      name = value;
      break;
    }
    prompt = `${problem}. Save view as…`;
  }
  if (!name) return undefined;
  const { refs, value: ref } = await graph.transact((tx) =>
    tx.createEntity({
      kind: GRAPH_VIEW_KIND,
      title: name,
      fields: { state: serializeExplorerState(state) },
    }),
  );
  void window.showNotification(
    `Saved the view “${name}”: everyone finds it under Graph views in the Explorer.`,
  );
  return refs[ref];
}

/** Reads a saved view; rejects with what is wrong when it is gone, not a view, or damaged. */
export async function readSavedView(graph: GraphApi, id: string): Promise<ExplorerState> {
  const entity = await graph.getEntity(id);
  if (!entity) throw new Error('This saved view was deleted.');
  if (entity.kind !== GRAPH_VIEW_KIND) throw new Error(`“${entity.title}” is not a graph view.`);
  const text = entity.fields.state;
  if (typeof text !== 'string') throw new Error(`The view “${entity.title}” holds no state.`);
  return parseExplorerState(text);
}
