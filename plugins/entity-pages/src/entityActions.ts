import type { JsonValue, PluginContext } from '@repertoire/plugin-api';

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
