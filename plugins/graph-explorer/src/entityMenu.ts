import type { PluginContext } from '@repertoire/plugin-api';

/**
 * An entity's context menu in the graph (right-click on it): open it, and what the enabled plugins
 * offer on it (their `entity/context` menus, e.g. "Record attendance" on a meeting), as a quick
 * pick; the chosen command runs with the entity's id. A viewer sees only "Open".
 */
export async function showEntityMenu(
  context: Pick<PluginContext, 'graph' | 'window' | 'commands'>,
  entityId: string,
  readOnly: boolean,
): Promise<void> {
  const entity = await context.graph.getEntity(entityId);
  if (!entity) return;
  const offered = readOnly ? [] : await context.commands.getEntityActions(entityId);
  const picked = await context.window.showQuickPick(
    [
      { label: 'Open', value: '' },
      ...offered.map((action) => ({ label: action.title, value: action.command })),
    ],
    { title: entity.title },
  );
  if (picked === undefined) return;
  if (picked.value === '') await context.window.openEntity(entityId);
  else await context.commands.executeCommand(picked.value, entityId);
}
