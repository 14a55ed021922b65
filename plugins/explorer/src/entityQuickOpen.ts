import {
  compareEntities,
  type Disposable,
  type EntityInfo,
  type EntityKindInfo,
  type PluginContext,
  type QuickOpenResult,
} from '@repertoire/plugin-api';

/**
 * Quick open (Ctrl/Cmd+P) over the community's entities: the graph's ranked title search (prefix
 * and fuzzy) for what the member types, and the first entities in list order before they type.
 * Picking one opens its page.
 */
export function registerEntityQuickOpen(context: PluginContext): Disposable {
  const { graph, quickOpen, window } = context;
  const resultOf = (kinds: Map<string, EntityKindInfo>, e: EntityInfo): QuickOpenResult => {
    const kind = kinds.get(e.kind);
    return {
      id: e.id,
      label: e.title,
      description: kind?.label ?? e.kind,
      icon: kind?.icon ?? 'circle',
    };
  };
  return quickOpen.registerProvider('explorer.entities', {
    title: 'Community',
    async search(query, limit) {
      const kinds = new Map((await graph.entityKinds()).map((k) => [k.kind, k]));
      const found = query
        ? (await graph.search(query, { limit })).map((hit) => hit.entity)
        : (await graph.entities()).sort(compareEntities).slice(0, limit);
      return found.map((e) => resultOf(kinds, e));
    },
    open: (entityId) => window.openEntity(entityId),
  });
}
