import type { Workspace } from '@repertoire/core';
import type { Entity } from '@repertoire/schema';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

/** Says why a change failed in words a member understands (field name first). */
export function describeError(error: unknown): string {
  const e = error as { field?: string; message?: string };
  return e?.message ?? String(error);
}

/** Asks for a kind (unless given) and a title, creates the entity and opens its page. */
export async function createEntityFlow(
  services: WorkbenchServices,
  workspace: Workspace,
  kind?: string,
): Promise<Entity | undefined> {
  const kinds = workspace.kinds.entityKinds();
  if (kinds.length === 0) {
    services.notifications.warn(
      'No kinds of things are available yet: enable a plugin that adds members, practices or artifacts.',
    );
    return undefined;
  }
  let chosen = kinds.find((k) => k.kind === kind);
  if (!chosen) {
    chosen = await services.quickInput.pick(
      kinds.map((k) => ({ ...k, label: k.label, icon: k.icon, description: k.pluralLabel })),
      { title: 'New…', placeholder: 'What do you want to add?' },
    );
    if (!chosen) return undefined;
  }
  const def = chosen;
  const title = await services.quickInput.input({
    title: `New ${def.label.toLowerCase()}`,
    placeholder: `Name of the ${def.label.toLowerCase()}`,
    validate: (v) => (v.trim() ? undefined : 'A title is not empty.'),
  });
  if (!title) return undefined;
  // Required fields get a first value the member can change on the page.
  const fields: Record<string, string | number | boolean | string[]> = {};
  for (const f of def.fields) {
    if (!f.required) continue;
    if (f.type === 'enum' && f.options?.[0]) fields[f.name] = f.options[0];
    else if (f.type === 'boolean') fields[f.name] = false;
    else if (f.type === 'number') fields[f.name] = f.min ?? 0;
    else if (f.type === 'date') fields[f.name] = new Date().toISOString().slice(0, 10);
    else if (f.type === 'stringList') fields[f.name] = [];
    else if (f.type !== 'entityRef') fields[f.name] = title.trim();
  }
  try {
    const entity = workspace.createEntity({ kind: def.kind, title: title.trim(), fields });
    services.editors.open(`entity:${entity.id}`);
    return entity;
  } catch (error) {
    services.notifications.error(
      `Could not create the ${def.label.toLowerCase()}`,
      describeError(error),
    );
    return undefined;
  }
}

/** Asks for a new title and renames. */
export async function renameEntityFlow(
  services: WorkbenchServices,
  workspace: Workspace,
  id: string,
): Promise<void> {
  const entity = workspace.getEntity(id as Entity['id']);
  if (!entity) return;
  const title = await services.quickInput.input({
    title: `Rename “${entity.title}”`,
    value: entity.title,
    validate: (v) => (v.trim() ? undefined : 'A title is not empty.'),
  });
  if (!title || title.trim() === entity.title) return;
  try {
    workspace.updateEntity(entity.id, { title: title.trim() });
  } catch (error) {
    services.notifications.error('Could not rename', describeError(error));
  }
}

/** Deletes an entity (and its relations) and offers to undo it. */
export function deleteEntityFlow(
  services: WorkbenchServices,
  workspace: Workspace,
  id: string,
): void {
  const entity = workspace.getEntity(id as Entity['id']);
  if (!entity) return;
  workspace.stopCapturing();
  workspace.transact(() => {
    for (const r of workspace.relations({ entity: entity.id })) workspace.unlink(r.id);
    workspace.deleteEntity(entity.id);
  });
  workspace.stopCapturing();
  services.editors.closeEverywhere(`entity:${entity.id}`);
  services.notifications.info(`Deleted “${entity.title}”.`, [
    { label: 'Undo', run: () => workspace.undo() },
  ]);
}

/** Relation kinds allowed from one kind to another. */
export function allowedRelations(workspace: Workspace, fromKind: string, toKind: string) {
  const ok = (list: readonly string[], kind: string) => list.includes('*') || list.includes(kind);
  return workspace.kinds
    .relationKinds()
    .filter((r) => r.type !== 'mentions' && ok(r.from, fromKind) && ok(r.to, toKind));
}

/** Links two entities, asking which relation when more than one fits. */
export async function linkFlow(
  services: WorkbenchServices,
  workspace: Workspace,
  fromId: string,
  toId?: string,
): Promise<void> {
  const from = workspace.getEntity(fromId as Entity['id']);
  if (!from) return;
  let to = toId ? workspace.getEntity(toId as Entity['id']) : undefined;
  if (!to) {
    const candidates = workspace
      .entities()
      .filter((e) => e.id !== from.id && allowedRelations(workspace, from.kind, e.kind).length > 0)
      .slice(0, 5000);
    const picked = await services.quickInput.pick(
      candidates.map((e) => ({
        label: e.title,
        description: workspace.kinds.entityKind(e.kind)?.definition.label ?? e.kind,
        icon: workspace.kinds.entityKind(e.kind)?.definition.icon ?? 'circle',
        id: e.id,
      })),
      { title: `Link “${from.title}” to…`, placeholder: 'Search the community' },
    );
    if (!picked) return;
    to = workspace.getEntity(picked.id as Entity['id']);
    if (!to) return;
  }
  const options = allowedRelations(workspace, from.kind, to.kind);
  if (options.length === 0) {
    services.notifications.warn(`A ${from.kind} cannot be linked to a ${to.kind}.`);
    return;
  }
  const relation =
    options.length === 1
      ? options[0]
      : await services.quickInput.pick(
          options.map((o) => ({
            ...o,
            label: `${from.title} ${o.label} ${to.title}`,
            icon: 'link',
          })),
          { title: 'How are they related?' },
        );
  if (!relation) return;
  try {
    workspace.link(from.id, relation.type, to.id);
    services.notifications.info(`“${from.title}” ${relation.label} “${to.title}”.`);
  } catch (error) {
    services.notifications.error('Could not link', describeError(error));
  }
}
