import type { GraphApi, QuickPickItem, WindowApi } from '@repertoire/plugin-api';

/**
 * Links the entities selected in the graph: the member picks how the first one relates to the
 * others (from the relation kinds the plugins allow between their kinds, either direction), and
 * the links are made in one transaction. Returns how many relations were made.
 */
export async function linkSelected(
  graph: GraphApi,
  window: WindowApi,
  ids: readonly string[],
): Promise<number> {
  const [first, ...others] = ids;
  if (!first || others.length === 0) {
    await window.showNotification('Select two or more entities to link them.');
    return 0;
  }
  const entities = await graph.entities({ ids: [...ids] });
  const byId = new Map(entities.map((e) => [e.id, e]));
  const source = byId.get(first);
  const targets = others.map((id) => byId.get(id)).filter((e) => e !== undefined);
  if (!source || targets.length !== others.length) {
    await window.showNotification('Some of the selected entities were deleted meanwhile.', {
      severity: 'warning',
    });
    return 0;
  }
  const allow = (kinds: readonly string[], kind: string) => kinds.includes(kind);
  const items: (QuickPickItem & { value: string })[] = [];
  const names = targets.length === 1 ? (targets[0]?.title ?? '') : `${targets.length} others`;
  for (const r of await graph.relationKinds()) {
    if (allow(r.from, source.kind) && targets.every((t) => allow(r.to, t.kind)))
      items.push({ label: `${source.title} ${r.label} ${names}`, value: `out|${r.type}` });
    if (allow(r.to, source.kind) && targets.every((t) => allow(r.from, t.kind)))
      items.push({ label: `${names} ${r.label} ${source.title}`, value: `in|${r.type}` });
  }
  if (items.length === 0) {
    await window.showNotification(
      `No kind of relation links a ${source.kind} with ${targets.map((t) => t.kind).join(', ')}.`,
      { severity: 'warning' },
    );
    return 0;
  }
  const chosen = await window.showQuickPick(items, { title: 'Link the selected entities' });
  if (!chosen) return 0;
  const [direction, type] = chosen.value.split('|') as [string, string];
  await graph.transact((tx) => {
    for (const t of targets)
      if (direction === 'out') tx.link(source.id, type, t.id);
      else tx.link(t.id, type, source.id);
  });
  return targets.length;
}
