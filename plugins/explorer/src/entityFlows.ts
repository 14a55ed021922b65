import type { EntityKindInfo, JsonObject, JsonValue, PluginContext } from '@repertoire/plugin-api';

/** What the flows use of the plugin context. */
export type FlowContext = Pick<PluginContext, 'graph' | 'window'>;

const message = (error: unknown) => (error as Error)?.message ?? String(error);

/** A first value for each required field, so a new entity is valid; the member edits it after. */
export function initialFields(kind: EntityKindInfo, title: string): JsonObject {
  const fields: Record<string, JsonValue> = {};
  for (const f of kind.fields) {
    if (f.required !== true || typeof f.name !== 'string') continue;
    const options = Array.isArray(f.options) ? f.options : [];
    if (f.type === 'enum' && typeof options[0] === 'string') fields[f.name] = options[0];
    else if (f.type === 'boolean') fields[f.name] = false;
    else if (f.type === 'number') fields[f.name] = typeof f.min === 'number' ? f.min : 0;
    else if (f.type === 'date') fields[f.name] = new Date().toISOString().slice(0, 10);
    else if (f.type === 'stringList') fields[f.name] = [];
    else if (f.type !== 'entityRef') fields[f.name] = title;
  }
  return fields;
}

/** Asks for a title until one is typed; undefined when cancelled. */
async function askTitle(
  context: FlowContext,
  options: { title: string; placeholder?: string; value?: string },
): Promise<string | undefined> {
  let title = options.title;
  for (;;) {
    const answer = await context.window.showInputBox({ ...options, title });
    if (answer === undefined) return undefined;
    if (answer.trim()) return answer.trim();
    title = `${options.title}: a title cannot be empty (Escape cancels)`;
  }
}

/** Asks for a kind (unless given) and a title, creates the entity and opens its page. */
export async function createEntity(
  context: FlowContext,
  kindName?: string,
): Promise<string | undefined> {
  // Kinds opened by their own command (a saved graph view) are made where they are used.
  const kinds = (await context.graph.entityKinds()).filter((k) => !k.openCommand);
  if (kinds.length === 0) {
    void context.window.showNotification(
      'No kinds of things are available yet: enable a plugin that adds members, practices or artifacts.',
      { severity: 'warning' },
    );
    return undefined;
  }
  let kind = kinds.find((k) => k.kind === kindName);
  if (!kind) {
    const picked = await context.window.showQuickPick(
      kinds.map((k) => ({ label: k.label, description: k.pluralLabel, value: k.kind })),
      { title: 'New…', placeholder: 'What do you want to add?' },
    );
    kind = kinds.find((k) => k.kind === picked?.value);
    if (!kind) return undefined;
  }
  const label = kind.label.toLowerCase();
  const title = await askTitle(context, {
    title: `New ${label}`,
    placeholder: `Name of the ${label}`,
  });
  if (!title) return undefined;
  try {
    const chosen = kind;
    const { created } = await context.graph.transact((tx) =>
      tx.createEntity({ kind: chosen.kind, title, fields: initialFields(chosen, title) }),
    );
    const id = created[0];
    if (id) await context.window.openEntity(id);
    return id;
  } catch (error) {
    void context.window.showNotification(`Could not create the ${label}: ${message(error)}`, {
      severity: 'error',
    });
    return undefined;
  }
}

/** Asks for a new title and renames. */
export async function renameEntity(context: FlowContext, id: string): Promise<void> {
  const entity = await context.graph.getEntity(id);
  if (!entity) return;
  const title = await askTitle(context, { title: `Rename “${entity.title}”`, value: entity.title });
  if (!title || title === entity.title) return;
  try {
    await context.graph.transact((tx) => tx.updateEntity(id, { title }));
  } catch (error) {
    void context.window.showNotification(`Could not rename: ${message(error)}`, {
      severity: 'error',
    });
  }
}

/**
 * Deletes an entity and its links after the member confirms (the API has no undo, so the
 * question comes first, naming what goes with it).
 */
export async function deleteEntity(context: FlowContext, id: string): Promise<boolean> {
  const entity = await context.graph.getEntity(id);
  if (!entity) return false;
  const links = (await context.graph.relations({ entity: id })).length;
  const answer = await context.window.showQuickPick(
    [
      {
        label: `Delete “${entity.title}”`,
        description: links ? `and its ${links} link${links === 1 ? '' : 's'}` : '',
        value: 'delete',
      },
      { label: 'Keep it', value: 'keep' },
    ],
    { title: `Delete “${entity.title}”? This cannot be undone from the Explorer.` },
  );
  if (answer?.value !== 'delete') return false;
  try {
    await context.graph.transact((tx) => tx.deleteEntity(id));
    void context.window.showNotification(`Deleted “${entity.title}”.`);
    return true;
  } catch (error) {
    void context.window.showNotification(`Could not delete: ${message(error)}`, {
      severity: 'error',
    });
    return false;
  }
}

/** Relation kinds allowed from one kind to another, and the link flow: the API's own (1.4). */
export { allowedRelations, linkEntities } from '@repertoire/plugin-api';
