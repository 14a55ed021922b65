import type {
  EntityInfo,
  EntityKindInfo,
  GraphApi,
  QuickPickItem,
  RelationKindInfo,
  WindowApi,
} from '@repertoire/plugin-api';

/** How selected entities of one kind are tied to the group: a relation kind and its direction. */
interface Tie {
  readonly type: string;
  readonly label: string;
  /** `out`: entity → group (a problem *belongs to* the domain); `in`: group → entity. */
  readonly direction: 'out' | 'in';
}

/** One way to group the selection: the group's kind and the tie of each selected kind. */
interface Grouping {
  readonly kind: EntityKindInfo;
  readonly ties: ReadonlyMap<string, Tie>;
}

/** Ways offered per group kind at most (one per combination of ties of the selected kinds). */
const MAX_PER_KIND = 6;

/**
 * Groups the entities selected in the graph under a new entity. The member chooses what the group
 * is: a kind of entity every selected entity can be related to (for each selected kind, a relation
 * kind the plugins allow from it to the group's kind, or back), offered in words ("A new Domain
 * the 4 selected belong to"); then types its title. The group is created and every selected entity
 * linked to it in one transaction (one undo step). Kinds with required fields other than the title
 * (a meeting's date) are not offered: their own commands ask for those. Returns the new entity's
 * id, or undefined when nothing was made; the member is told why.
 */
export async function groupSelected(
  graph: GraphApi,
  window: WindowApi,
  ids: readonly string[],
): Promise<string | undefined> {
  const unique = [...new Set(ids)];
  if (unique.length < 2) {
    await window.showNotification('Select two or more entities to group them.');
    return undefined;
  }
  const [selected, kinds, relationKinds] = await Promise.all([
    graph.entities({ ids: unique }),
    graph.entityKinds(),
    graph.relationKinds(),
  ]);
  if (selected.length !== unique.length) {
    await window.showNotification('Some of the selected entities were deleted meanwhile.', {
      severity: 'warning',
    });
    return undefined;
  }
  const groupings = kinds
    .filter((k) => !k.fields.some((f) => f.required === true))
    .flatMap((k) => groupingsAs(k, selected, relationKinds));
  if (groupings.length === 0) {
    const names = [...new Set(selected.map((e) => labelOf(kinds, e.kind)))].join(', ');
    await window.showNotification(
      `No kind of entity can be related to every selected one (${names}), so they cannot be grouped.`,
      { severity: 'warning' },
    );
    return undefined;
  }
  const items: (QuickPickItem & { value: string })[] = groupings.map((g, i) => ({
    label: describe(g, selected, kinds),
    value: String(i),
  }));
  const chosen = await window.showQuickPick(items, {
    title: 'Group the selected entities',
    placeholder: 'What is the group?',
  });
  const grouping = chosen && groupings[Number(chosen.value)];
  if (!grouping) return cancelled(window);
  const title = (
    await window.showInputBox({
      title: `A new ${grouping.kind.label} for the ${selected.length} selected`,
      placeholder: `Title of the ${grouping.kind.label.toLowerCase()}`,
    })
  )?.trim();
  if (!title) return cancelled(window);
  const { refs, value: ref } = await graph.transact((tx) => {
    const group = tx.createEntity({ kind: grouping.kind.kind, title });
    for (const e of selected) {
      const tie = grouping.ties.get(e.kind) as Tie;
      // Marked as a grouping, so exports draw the group as a box around its members (a JSON
      // Canvas group): which end is the group.
      if (tie.direction === 'out') tx.link(e.id, tie.type, group, { group: 'to' });
      else tx.link(group, tie.type, e.id, { group: 'from' });
    }
    return group;
  });
  return refs[ref];
}

async function cancelled(window: WindowApi): Promise<undefined> {
  await window.showNotification('Grouping cancelled: nothing was created.');
  return undefined;
}

/** Every way to group `selected` under a new entity of `kind`: one tie per selected kind. */
function groupingsAs(
  kind: EntityKindInfo,
  selected: readonly EntityInfo[],
  relationKinds: readonly RelationKindInfo[],
): Grouping[] {
  const selectedKinds = [...new Set(selected.map((e) => e.kind))];
  const options = selectedKinds.map((k) => {
    const ties: Tie[] = [];
    for (const r of relationKinds) {
      if (r.from.includes(k) && r.to.includes(kind.kind))
        ties.push({ type: r.type, label: r.label, direction: 'out' });
      if (r.from.includes(kind.kind) && r.to.includes(k))
        ties.push({ type: r.type, label: r.label, direction: 'in' });
    }
    return ties;
  });
  if (options.some((ties) => ties.length === 0)) return [];
  let combinations: Tie[][] = [[]];
  for (const ties of options)
    combinations = combinations.flatMap((c) => ties.map((t) => [...c, t])).slice(0, MAX_PER_KIND);
  return combinations.map((c) => ({
    kind,
    ties: new Map(selectedKinds.map((k, i) => [k, c[i] as Tie])),
  }));
}

/** The grouping in words, e.g. "A new Domain the 4 selected belong to". */
function describe(
  grouping: Grouping,
  selected: readonly EntityInfo[],
  kinds: readonly EntityKindInfo[],
): string {
  const group = `A new ${grouping.kind.label}`;
  const ties = [...new Set(grouping.ties.values())];
  const [only] = ties;
  const same = (a: Tie, b: Tie) => a.type === b.type && a.direction === b.direction;
  if (only && ties.every((t) => same(t, only)))
    return only.direction === 'out'
      ? `${group} the ${selected.length} selected ${pluralVerb(only.label)}`
      : `${group} that ${only.label} the ${selected.length} selected`;
  // Different ties per kind: say each, e.g. "the 2 members attended it, it discussed the problem".
  const parts: string[] = [];
  const done: Tie[] = [];
  for (const tie of ties) {
    if (done.some((t) => same(t, tie))) continue;
    done.push(tie);
    const tiedKinds = [...grouping.ties].filter(([, t]) => same(t, tie)).map(([k]) => k);
    const count = selected.filter((e) => tiedKinds.includes(e.kind)).length;
    const who = tiedKinds
      .map((k) => {
        const n = selected.filter((e) => e.kind === k).length;
        const info = kinds.find((i) => i.kind === k);
        const name = (n === 1 ? info?.label : info?.pluralLabel) ?? k;
        return n === 1 ? `the ${name.toLowerCase()}` : `the ${n} ${name.toLowerCase()}`;
      })
      .join(' and ');
    parts.push(
      tie.direction === 'out'
        ? `${who} ${count === 1 ? tie.label : pluralVerb(tie.label)} it`
        : `it ${tie.label} ${who}`,
    );
  }
  return `${group}: ${parts.join(', ')}`;
}

function labelOf(kinds: readonly EntityKindInfo[], kind: string): string {
  return kinds.find((k) => k.kind === kind)?.label.toLowerCase() ?? kind;
}

const IRREGULAR: Record<string, string> = { is: 'are', has: 'have', was: 'were', does: 'do' };

/** A relation label agreeing with a plural subject: "belongs to" → "belong to". */
export function pluralVerb(label: string): string {
  const [verb = '', ...rest] = label.split(' ');
  let plural = IRREGULAR[verb];
  if (!plural) {
    if (/[^aeiou]ies$/.test(verb)) plural = `${verb.slice(0, -3)}y`;
    else if (/(ss|sh|ch|x|z|o)es$/.test(verb)) plural = verb.slice(0, -2);
    else if (/[^su]s$/.test(verb)) plural = verb.slice(0, -1);
    else plural = verb;
  }
  return [plural, ...rest].join(' ');
}
