import {
  allowedRelations,
  compareEntities,
  type EntityInfo,
  type JsonValue,
  type PluginContext,
  type RelationKindInfo,
} from '@repertoire/plugin-api';

/** What the actions use of the plugin context. */
export type ActionContext = Pick<PluginContext, 'graph' | 'window' | 'commands' | 'editors'>;

/** Says why a change failed in words a member understands. */
export const describeError = (error: unknown): string => (error as Error)?.message ?? String(error);

const failed = (context: ActionContext, what: string, error: unknown) =>
  void context.window.showNotification(`${what}: ${describeError(error)}`, { severity: 'error' });

/** Changes one field (null clears it); returns the error message when the host refuses. */
export async function saveField(
  context: ActionContext,
  id: string,
  name: string,
  value: JsonValue | null,
): Promise<string | undefined> {
  try {
    await context.graph.transact((tx) => tx.updateEntity(id, { fields: { [name]: value } }));
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

/** Renames an entity; returns the error message when the title is refused. */
export async function saveTitle(
  context: ActionContext,
  id: string,
  title: string,
): Promise<string | undefined> {
  try {
    await context.graph.transact((tx) => tx.updateEntity(id, { title }));
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

/** Asks for a new title (again when empty) and renames. */
export async function renameEntity(context: ActionContext, id: string): Promise<void> {
  const entity = await context.graph.getEntity(id);
  if (!entity) return;
  let prompt = `Rename “${entity.title}”`;
  for (;;) {
    const answer = await context.window.showInputBox({ title: prompt, value: entity.title });
    if (answer === undefined) return;
    const title = answer.trim();
    if (title === entity.title) return;
    if (title) {
      const error = await saveTitle(context, id, title);
      if (error) failed(context, 'Could not rename', error);
      return;
    }
    prompt = `Rename “${entity.title}”: a title cannot be empty (Escape cancels)`;
  }
}

/**
 * Deletes an entity with its relations at once, closes its tabs and offers to undo it (the
 * deletion is one transaction, so one step of the member's undo history).
 */
export async function deleteEntity(context: ActionContext, id: string): Promise<boolean> {
  const entity = await context.graph.getEntity(id);
  if (!entity) return false;
  try {
    await context.graph.transact((tx) => tx.deleteEntity(id));
  } catch (error) {
    failed(context, 'Could not delete', error);
    return false;
  }
  await context.editors.closeEntity(id);
  void context.window
    .showNotification(`Deleted “${entity.title}”.`, { actions: ['Undo'] })
    .then((action) => {
      if (action === 'Undo') return context.commands.executeCommand('edit.undo');
    })
    .catch((error) => failed(context, 'Could not undo', error));
  return true;
}

/** Removes one relation. */
export async function unlink(
  context: ActionContext,
  relation: { from: string; type: string; to: string },
) {
  try {
    await context.graph.transact((tx) => tx.unlink(relation.from, relation.type, relation.to));
  } catch (error) {
    failed(context, 'Could not remove the link', error);
  }
}

/** Asks which of several fitting relations the member means. */
async function pickRelation(
  context: ActionContext,
  options: readonly RelationKindInfo[],
  from: EntityInfo,
  to: EntityInfo,
): Promise<RelationKindInfo | undefined> {
  const picked = await context.window.showQuickPick(
    options.map((o) => ({ label: `${from.title} ${o.label} ${to.title}`, value: o.type })),
    { title: 'How are they related?' },
  );
  return options.find((o) => o.type === picked?.value);
}

/** Links an entity to another it asks for, asking which relation when more than one fits. */
export async function linkEntity(context: ActionContext, fromId: string): Promise<boolean> {
  const [from, relationKinds, entityKinds] = await Promise.all([
    context.graph.getEntity(fromId),
    context.graph.relationKinds(),
    context.graph.entityKinds(),
  ]);
  if (!from) return false;
  const labels = new Map(entityKinds.map((k) => [k.kind, k.label]));
  const candidates = (await context.graph.entities())
    .filter(
      (e) => e.id !== from.id && allowedRelations(relationKinds, from.kind, e.kind).length > 0,
    )
    .sort(compareEntities)
    .slice(0, 5000);
  if (candidates.length === 0) {
    void context.window.showNotification(
      `Nothing in the community can be linked to a ${from.kind} yet.`,
      {
        severity: 'warning',
      },
    );
    return false;
  }
  const picked = await context.window.showQuickPick(
    candidates.map((e) => ({
      label: e.title,
      description: labels.get(e.kind) ?? e.kind,
      value: e.id,
    })),
    { title: `Link “${from.title}” to…`, placeholder: 'Search the community' },
  );
  const to = candidates.find((e) => e.id === picked?.value);
  if (!to) return false;
  const options = allowedRelations(relationKinds, from.kind, to.kind);
  const relation =
    options.length === 1 ? options[0] : await pickRelation(context, options, from, to);
  if (!relation) return false;
  try {
    await context.graph.transact((tx) => tx.link(from.id, relation.type, to.id));
    void context.window.showNotification(`“${from.title}” ${relation.label} “${to.title}”.`);
    return true;
  } catch (error) {
    failed(context, 'Could not link', error);
    return false;
  }
}

/** The entity whose page or document is in front of the member, or a notice saying to open one. */
export async function activeEntity(context: ActionContext): Promise<string | undefined> {
  const id = await context.editors.activeEntity();
  if (!id)
    void context.window.showNotification(
      'Open an entry’s page first (from the Explorer or Ctrl+P).',
      {
        severity: 'warning',
      },
    );
  return id;
}
