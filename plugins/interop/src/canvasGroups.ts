import type { CanvasGroup, PortableGraph } from '@repertoire/interop';
import type { EntityKindInfo } from '@repertoire/plugin-api';

/**
 * The attribute "Group…" in the graph explorer puts on the relations it makes, naming which end
 * is the group: `{ group: 'to' }` when the member points at the group (a problem belongs to the
 * domain), `{ group: 'from' }` when the group points at the member.
 */
export const GROUP_ATTRIBUTE = 'group';

/**
 * The graph's groups as canvas groups: each entity made with "Group…" (its relations carry
 * {@link GROUP_ATTRIBUTE}) boxes the entities it groups, labelled with its title, in its kind's
 * colour.
 */
export function canvasGroups(
  graph: PortableGraph,
  kinds: readonly EntityKindInfo[],
): CanvasGroup[] {
  const members = new Map<string, Set<string>>();
  for (const r of graph.relations) {
    const end = r.attributes?.[GROUP_ATTRIBUTE];
    if (end !== 'to' && end !== 'from') continue;
    const [group, member] = end === 'to' ? [r.to, r.from] : [r.from, r.to];
    if (!members.has(group)) members.set(group, new Set());
    members.get(group)?.add(member);
  }
  const byId = new Map(graph.entities.map((e) => [e.id, e]));
  const colour = new Map(kinds.map((k) => [k.kind, k.colour]));
  return [...members].flatMap(([id, inside]) => {
    const group = byId.get(id);
    if (!group) return [];
    const c = colour.get(group.kind);
    return [
      {
        label: group.title,
        members: [...inside].filter((m) => byId.has(m)).sort(),
        ...(c?.startsWith('#') ? { colour: c } : {}),
      },
    ];
  });
}
