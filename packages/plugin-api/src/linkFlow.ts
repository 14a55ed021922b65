import type { PluginContext } from './context.ts';
import { allowedRelations } from './entityFields.ts';
import type { EntityInfo, RelationKindInfo } from './graph.ts';
import { compareEntities } from './naturalOrder.ts';

const message = (error: unknown) => (error as Error)?.message ?? String(error);

/**
 * Links two entities (since 1.4), as a "Link…" action does: asks for the second among the entities
 * a relation may reach (unless `toId` is given), then which relation when several fit
 * ({@link allowedRelations}), and makes it with `graph.transact`. Resolves whether it linked; says
 * why not in a notification. Needs `graph.read` and `graph.write`.
 */
export async function linkEntities(
  context: Pick<PluginContext, 'graph' | 'window'>,
  fromId: string,
  toId?: string,
): Promise<boolean> {
  const [from, relationKinds] = await Promise.all([
    context.graph.getEntity(fromId),
    context.graph.relationKinds(),
  ]);
  if (!from) return false;
  let to: EntityInfo | undefined = toId ? await context.graph.getEntity(toId) : undefined;
  if (!to) {
    const kinds = new Map((await context.graph.entityKinds()).map((k) => [k.kind, k]));
    const candidates = (await context.graph.entities())
      .filter(
        (e) => e.id !== from.id && allowedRelations(relationKinds, from.kind, e.kind).length > 0,
      )
      .sort(compareEntities)
      .slice(0, 5000);
    if (candidates.length === 0) {
      void context.window.showNotification(
        `Nothing in the community can be linked to a ${from.kind} yet.`,
        { severity: 'warning' },
      );
      return false;
    }
    const picked = await context.window.showQuickPick(
      candidates.map((e) => ({
        label: e.title,
        description: kinds.get(e.kind)?.label ?? e.kind,
        value: e.id,
      })),
      { title: `Link “${from.title}” to…`, placeholder: 'Search the community' },
    );
    to = candidates.find((e) => e.id === picked?.value);
    if (!to) return false;
  }
  const target = to;
  const options = allowedRelations(relationKinds, from.kind, target.kind);
  if (options.length === 0) {
    void context.window.showNotification(`A ${from.kind} cannot be linked to a ${target.kind}.`, {
      severity: 'warning',
    });
    return false;
  }
  const relation =
    options.length === 1 ? options[0] : await pickRelation(context, options, from, target);
  if (!relation) return false;
  try {
    await context.graph.transact((tx) => tx.link(from.id, relation.type, target.id));
    void context.window.showNotification(`“${from.title}” ${relation.label} “${target.title}”.`);
    return true;
  } catch (error) {
    void context.window.showNotification(`Could not link: ${message(error)}`, {
      severity: 'error',
    });
    return false;
  }
}

/** Asks which of several fitting relations the member means. */
async function pickRelation(
  context: Pick<PluginContext, 'graph' | 'window'>,
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
